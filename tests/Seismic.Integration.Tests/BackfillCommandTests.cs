namespace Seismic.Integration.Tests;

/// <summary>`seismic backfill` in one process, the ingest worker in another, the answer back to the command.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class BackfillCommandTests
{
    /// <summary>Runs `seismic backfill` against a running ingest worker; returns the finished command.</summary>
    private static async Task<ChildProcess> Backfill(WorkerEnvironment environment, string start, string end)
    {
        await using var ingest = environment.Start("ingest");
        await ingest.WaitForOutput("Service is healthy", TimeSpan.FromSeconds(60));

        var command = environment.Start("cli", "backfill", "--rabbitmq", BrokerSettings.Uri, "--start", start, "--end", end, "--wait", "60");
        Assert.True(await command.WaitForExit(TimeSpan.FromSeconds(90)), command.Output);
        return command;
    }

    [Fact]
    public async Task Should_report_the_segments_of_an_accepted_backfill()
    {
        using var environment = new WorkerEnvironment();

        await using var command = await Backfill(environment, "2023-10-30T12:00:00Z", "2023-10-30T13:00:00Z");

        Assert.Equal(0, command.ExitCode);
        Assert.Contains("accepted: 12 segments", command.Output);
    }

    [Fact]
    public async Task Should_print_the_reason_when_the_interval_ends_before_it_starts()
    {
        using var environment = new WorkerEnvironment();

        await using var command = await Backfill(environment, "2023-10-30T13:00:00Z", "2023-10-30T12:00:00Z");

        Assert.Equal(1, command.ExitCode);
        Assert.Contains("before it starts", command.Output);
    }
}
