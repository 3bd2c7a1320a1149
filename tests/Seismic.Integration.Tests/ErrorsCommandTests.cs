using MassTransit;

namespace Seismic.Integration.Tests;

/// <summary>
/// `seismic errors list` and `seismic errors replay` against the real broker, on a message a real reporter
/// process failed on: listed with its reason without being taken, replayed once the cause is gone, written once.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ErrorsCommandTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);


    private static async Task<ChildProcess> Seismic(WorkerEnvironment environment, params string[] arguments)
    {
        var process = environment.Start("cli", ["errors", .. arguments]);
        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(60)), process.Output);
        return process;
    }

    [Fact]
    public async Task Should_list_a_failed_message_with_its_reason_and_replay_it_once_to_the_mended_worker()
    {
        using var environment = new WorkerEnvironment();
        // A file where the reports folder should be: every write of the reporter fails, as on a lost mount.
        Directory.CreateDirectory(Path.GetDirectoryName(environment.ReportsFolder)!);
        await File.WriteAllTextAsync(environment.ReportsFolder, "not a folder");
        await using var reporter = environment.Start("reporter");
        // Connected, and rightly unhealthy: its reports folder cannot be written.
        await reporter.WaitForOutput("Service is Unhealthy: masstransit-bus: Healthy (Ready); reports-folder: Unhealthy", Startup);

        var eventId = $"it-{Guid.NewGuid():N}";
        var messageId = Guid.NewGuid();
        await using (var publisher = await Publisher.Start(environment))
            await publisher.Bus.Publish(SampleDecision.Explosion(eventId), context => context.MessageId = messageId);
        var listed = await ListUntil(environment, output => output.Contains(messageId.ToString(), StringComparison.Ordinal));

        Assert.Contains("event-classified_error", listed);
        var description = listed.Split(Environment.NewLine).SkipWhile(line => !line.Contains(messageId.ToString(), StringComparison.Ordinal)).Take(2).ToList();
        Assert.Contains("EventClassified", description[0]);
        Assert.Contains($"eventId={eventId}", description[0]);
        Assert.Contains(" failed ", description[0]);
        Assert.Contains("System.IO.DirectoryNotFoundException: ", description[1]);
        Assert.Contains(environment.ReportsFolder, description[1]);
        // Listing took nothing away: it is still there the second time.
        await using (var again = await Seismic(environment, "list", "--show", "1000"))
            Assert.Contains(messageId.ToString(), again.Output);
        Assert.DoesNotContain(environment.ReportLines("events.csv"), line => line.StartsWith(eventId + ",", StringComparison.Ordinal));

        File.Delete(environment.ReportsFolder);
        await using var replay = await Seismic(environment, "replay", "--queue", "event-classified_error", "--message-id", messageId.ToString());

        Assert.True(replay.ExitCode == 0, replay.Output);
        Assert.Contains($"Replayed to event-classified (replay 1): EventClassified  id {messageId}", replay.Output);
        await WaitForEventRows(environment, eventId, reporter);
        // A duplicate would arrive within the same moment; give it the time of a few retries.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(environment.ReportLines("events.csv"), line => line.StartsWith(eventId + ",", StringComparison.Ordinal));
        await using var after = await Seismic(environment, "list", "--show", "1000");
        Assert.Equal(0, after.ExitCode);
        Assert.DoesNotContain(messageId.ToString(), after.Output);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_queue_with_exit_2_and_name_the_known_ones()
    {
        using var environment = new WorkerEnvironment();

        await using var replay = await Seismic(environment, "replay", "--queue", "beam-formed", "--all", "--rabbitmq", BrokerSettings.Uri);

        Assert.Equal(2, replay.ExitCode);
        Assert.Contains("Unknown queue 'beam-formed'", replay.Output);
        foreach (var known in new[] { "backfill-interval", "beams-formed", "event-classified", "train-model", "waveform-segment-ingested", "windows-classified" })
            Assert.Contains(known, replay.Output);
    }

    [Fact]
    public async Task Should_say_the_password_is_wrong_rather_than_that_the_broker_is_down()
    {
        using var environment = new WorkerEnvironment();
        var uri = new UriBuilder(BrokerSettings.Uri) { Password = "not-the-password" }.Uri.ToString();

        await using var list = await Seismic(environment, "list", "--rabbitmq", uri);

        Assert.Equal(1, list.ExitCode);
        Assert.Contains("wrong user name or password", list.Output);
        Assert.DoesNotContain("Unhandled exception", list.Output);
    }

    /// <summary>Runs `errors list --show` (the broker from the environment, as the workers have it) until its output satisfies <paramref name="done"/>.</summary>
    private static async Task<string> ListUntil(WorkerEnvironment environment, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string output;
        do
        {
            await using var list = await Seismic(environment, "list", "--show", "1000");
            Assert.True(list.ExitCode == 0, list.Output);
            output = list.Output;
            if (done(output))
                return output;
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"`seismic errors list` never showed what was expected within 30 s. Last output:{Environment.NewLine}{output}");
        return output;
    }

    private static async Task WaitForEventRows(WorkerEnvironment environment, string eventId, ChildProcess reporter)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (environment.ReportLines("events.csv").Any(line => line.StartsWith(eventId + ",", StringComparison.Ordinal)))
                return;
            await Task.Delay(200);
        }
        Assert.Fail($"{eventId} never reached events.csv after the replay. Reporter output:{Environment.NewLine}{reporter.Output}");
    }
}
