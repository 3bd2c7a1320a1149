namespace Seismic.Integration.Tests;

/// <summary>
/// Messages cross process boundaries through the real broker, and survive a consumer that is down.
/// Sequential (one collection): the reporter's queue is shared by every test that uses the broker.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class CrossProcessDeliveryTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);


    [Fact]
    public async Task Should_deliver_a_message_published_by_one_process_to_a_worker_in_another()
    {
        using var environment = new WorkerEnvironment();
        await using var reporter = environment.Start("reporter");
        await reporter.WaitForOutput("Service is healthy", Startup);
        var eventId = $"it-{Guid.NewGuid():N}";

        await using (var publisher = await Publisher.Start(environment))
            await publisher.Bus.Publish(SampleDecision.Explosion(eventId));

        await WaitForEventRow(environment, eventId, reporter);
    }

    [Fact]
    public async Task Should_deliver_a_message_published_while_the_worker_was_down_when_it_comes_back()
    {
        using var environment = new WorkerEnvironment();
        await using (var first = environment.Start("reporter"))
        {
            // The first start declares the durable queue and binds it to the message's exchange.
            await first.WaitForOutput("Service is healthy", Startup);
            first.Terminate();
            Assert.True(await first.WaitForExit(TimeSpan.FromSeconds(10)), "reporter did not stop within 10 s of SIGTERM");
        }
        var eventId = $"it-{Guid.NewGuid():N}";

        await using (var publisher = await Publisher.Start(environment))
            await publisher.Bus.Publish(SampleDecision.Explosion(eventId));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(environment.ReportLines("events.csv").Any(line => line.Contains(eventId, StringComparison.Ordinal)),
            "the event was written while no reporter was running");

        await using var second = environment.Start("reporter");
        await WaitForEventRow(environment, eventId, second);
    }

    private static async Task WaitForEventRow(WorkerEnvironment environment, string eventId, ChildProcess reporter)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (environment.ReportLines("events.csv").Any(line => line.StartsWith(eventId + ",", StringComparison.Ordinal) && line.Contains(",explosion,", StringComparison.Ordinal)))
                return;
            await Task.Delay(200);
        }
        Assert.Fail($"{eventId} never reached {environment.ReportsFolder}/<day>/events.csv. Reporter output:{Environment.NewLine}{reporter.Output}");
    }
}
