using System.Globalization;
using Seismic.TestSupport;
using Seismic.TestSupport.Fdsn;

namespace Seismic.Integration.Tests;

/// <summary>
/// `seismic backfill` as a user runs it: the whole pipeline in the command's own process, or `seismic run
/// --rabbitmq` in one process and `seismic backfill --rabbitmq` from another, on a simulated hour, with a model
/// that finds strong transients (<see cref="TinyModels.WriteCrestFactor"/>: on this hour, the M1.6 blast whose P
/// arrives at 09:58:21), so the events are real arrivals and the test does not wait for a network to train.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class BackfillCommandTests(SimulatedHour hour) : IClassFixture<SimulatedHour>
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);

    private string Start => SimulatedHour.StartUtc.AddMinutes(5).ToString("O", CultureInfo.InvariantCulture);

    private string End => SimulatedHour.StartUtc.AddMinutes(55).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Registers the crest-factor model under the configured model name in the environment's models folder.</summary>
    internal static async Task ImportModel(WorkerEnvironment environment)
    {
        var onnx = TinyModels.WriteCrestFactor(environment.Folder, "crest-factor", 9601);
        await using var import = environment.Start("cli", "models", "import", onnx);
        Assert.True(await import.WaitForExit(TimeSpan.FromSeconds(60)), import.Output);
        Assert.True(import.ExitCode == 0, import.Output);
    }

    private async Task<ChildProcess> Backfill(WorkerEnvironment environment, params string[] extra)
    {
        var command = environment.Start("cli", ["backfill", "--start", Start, "--end", End, "--source", "sds://" + hour.ArchivePath, "--inventory", hour.InventoryPath, .. extra]);
        Assert.True(await command.WaitForExit(TimeSpan.FromMinutes(3)), command.Output);
        return command;
    }

    /// <summary>The event rows (id, onset, label, back-azimuth), in file order, without the columns a run names itself (backfill id, key).</summary>
    internal static List<string> EventRows(WorkerEnvironment environment) =>
        environment.ReportLines("events.csv").Select(line => string.Join(',', line.Split(',').Take(5))).ToList();

    [Fact]
    public async Task Should_backfill_in_this_process_and_report_the_hours_arrivals_once_each()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        await ImportModel(environment);

        await using var first = await Backfill(environment);
        await using var again = await Backfill(environment);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("segments: 5 planned, 5 read and handed on", first.Output);
        var rows = EventRows(environment);
        Assert.NotEmpty(rows);
        // Every reported event is a simulated one, its onset within a few seconds of its P.
        Assert.All(rows, row =>
        {
            var onset = DateTime.Parse(row.Split(',')[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            Assert.Contains(hour.PTimesUtc, p => Math.Abs((onset - p).TotalSeconds) < 10);
        });
        // The same backfill again adds no row.
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(rows, EventRows(environment));
        var windows = environment.ReportLines("windows.csv");
        Assert.Equal(windows.Count, windows.Distinct().Count());
        Assert.Equal(600, windows.Count);
    }

    [Fact]
    public async Task Should_backfill_through_a_pipeline_on_the_broker_with_the_same_events_and_no_duplicate_when_sent_twice()
    {
        using var inProcess = WorkerEnvironment.WithoutBroker();
        await ImportModel(inProcess);
        await using (var reference = await Backfill(inProcess))
            Assert.True(reference.ExitCode == 0, reference.Output);

        using var environment = new WorkerEnvironment();
        await ImportModel(environment);
        await using var pipeline = environment.Start("cli", "run", "--rabbitmq", BrokerSettings.Uri);
        await pipeline.WaitForOutput("Service is healthy", Startup);

        await using var first = await Backfill(environment, "--rabbitmq", BrokerSettings.Uri);
        await using var second = await Backfill(environment, "--rabbitmq", BrokerSettings.Uri);

        Assert.True(first.ExitCode == 0, first.Output + pipeline.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(EventRows(inProcess), EventRows(environment));
    }

    [Fact]
    public async Task Should_end_with_the_reason_when_the_source_cannot_be_read_and_keep_serving()
    {
        using var environment = new WorkerEnvironment();
        await ImportModel(environment);
        await using var pipeline = environment.Start("cli", "run", "--rabbitmq", BrokerSettings.Uri);
        await pipeline.WaitForOutput("Service is healthy", Startup);

        await using var refused = environment.Start("cli", "backfill", "--rabbitmq", BrokerSettings.Uri, "--start", Start, "--end", End, "--source", "sds:///no/such/archive");
        Assert.True(await refused.WaitForExit(TimeSpan.FromMinutes(1)), refused.Output);
        await using var empty = environment.Start("cli", "backfill", "--rabbitmq", BrokerSettings.Uri, "--start", "2020-01-01T00:00:00Z", "--end", "2020-01-01T01:00:00Z",
            "--source", "sds://" + hour.ArchivePath, "--inventory", hour.InventoryPath);
        Assert.True(await empty.WaitForExit(TimeSpan.FromMinutes(1)), empty.Output);
        await using var good = await Backfill(environment, "--rabbitmq", BrokerSettings.Uri);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("/no/such/archive", refused.Output);
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("no data at all", empty.Output);
        Assert.True(good.ExitCode == 0, good.Output);
    }

    [Fact]
    public async Task Should_give_the_same_events_through_an_fdsn_web_service_as_from_the_archive()
    {
        using var fromArchive = WorkerEnvironment.WithoutBroker();
        await ImportModel(fromArchive);
        await using (var reference = await Backfill(fromArchive))
            Assert.True(reference.ExitCode == 0, reference.Output);

        await using var server = await FdsnTestServer.StartAsync(new FdsnTestServerOptions
        {
            ArchivePath = hour.ArchivePath,
            InventoryPath = hour.InventoryPath,
        });
        using var fromService = WorkerEnvironment.WithoutBroker();
        await ImportModel(fromService);
        await using var command = fromService.Start("cli", "backfill", "--start", Start, "--end", End,
            "--source", server.FdsnwsAddress, "--inventory", server.FdsnwsAddress);
        Assert.True(await command.WaitForExit(TimeSpan.FromMinutes(3)), command.Output);

        Assert.True(command.ExitCode == 0, command.Output);
        Assert.True(server.RequestCount("dataselect") >= 5, $"{server.RequestCount("dataselect")} dataselect requests");
        Assert.Equal(EventRows(fromArchive), EventRows(fromService));
        Assert.Equal(
            fromArchive.ReportLines("windows.csv").Count,
            fromService.ReportLines("windows.csv").Count);
    }

    [Fact]
    public async Task Should_refuse_an_interval_that_ends_before_it_starts_before_sending_it()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var command = environment.Start("cli", "backfill", "--start", End, "--end", Start);
        Assert.True(await command.WaitForExit(TimeSpan.FromSeconds(60)), command.Output);

        Assert.Equal(2, command.ExitCode);
        Assert.Contains("must be after --start", command.Output);
    }
}
