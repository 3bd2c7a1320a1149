using System.Globalization;
using System.Net;
using Seismic.SeedLink.Server;
using Seismic.TestSupport;

namespace Seismic.Integration.Tests;

/// <summary>
/// `seismic run --live` against Seismic's SeedLink replay of two simulated hours at 120 times real time: the live
/// segments carry the same events and labels as a backfill of the same span, and a station that stops is
/// reported missing while the others' segments still leave on their deadline.
/// </summary>
public sealed class LiveRunTests(SimulatedTwoHours hour) : IClassFixture<SimulatedTwoHours>
{
    /// <summary>
    /// With 10-minute segments every 5 minutes, the live run's complete segments start at 09:05 (the first that
    /// starts after the data, plus the window edge) to 10:45 (the last whose data, plus the edge, end within the
    /// two hours); between them they own the windows of this span.
    /// </summary>
    private static readonly DateTime OwnedFromUtc = SimulatedTwoHours.StartUtc.AddMinutes(6).AddSeconds(5);

    private static readonly DateTime OwnedUntilUtc = SimulatedTwoHours.StartUtc.AddMinutes(111).AddSeconds(5);

    private const double Speed = 120;

    /// <summary>An environment whose settings use the hours' inventory, with the crest-factor model registered.</summary>
    private async Task<WorkerEnvironment> Environment()
    {
        var environment = WorkerEnvironment.WithoutBroker();
        UseHourInventory(environment);
        await ImportModel(environment);
        return environment;
    }

    private SeedLinkReplayServer Replay() => SeedLinkReplayServer.Start(new ReplayOptions(hour.ArchivePath, Speed), new IPEndPoint(IPAddress.Loopback, 0));

    private static ChildProcess RunLive(WorkerEnvironment environment, SeedLinkReplayServer server) =>
        environment.Start("cli", "run", "--live", $"seedlink://127.0.0.1:{server.Port}");

    private static async Task ImportModel(WorkerEnvironment environment)
    {
        var onnx = TinyModels.WriteCrestFactor(environment.Folder, "crest-factor", 9601);
        await using var import = environment.Start("cli", "models", "import", onnx);
        Assert.True(await import.WaitForExit(TimeSpan.FromSeconds(60)), import.Output);
        Assert.True(import.ExitCode == 0, import.Output);
    }

    /// <summary>Points the environment's settings at the hour's inventory; 10-minute segments, so that more of the hour lies in complete ones.</summary>
    private void UseHourInventory(WorkerEnvironment environment)
    {
        var text = File.ReadAllText(environment.ConfigFile);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^  inventory_path: .*$", $"  inventory_path: {hour.InventoryPath}");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^  live_deadline_s: .*$", "  live_deadline_s: 60");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^  segment_length_s: .*$", "  segment_length_s: 600");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^  segment_overlap_s: .*$", "  segment_overlap_s: 300");
        File.WriteAllText(environment.ConfigFile, text);
    }

    /// <summary>The segments a run's console says it reported.</summary>
    private static List<string> Reported(string output) => System.Text.RegularExpressions.Regex.Matches(output, @"Live: segment (\S+) reported")
        .Select(m => m.Groups[1].Value).ToList();

    /// <summary>Event id, onset, back-azimuth, its method and label of the events of these segments (segment_id is column 20 of events.csv).</summary>
    private static List<string> EventRows(WorkerEnvironment environment, IReadOnlySet<string> segments) =>
        [.. environment.ReportLines("events.csv").Where(line => segments.Contains(line.Split(',')[19]))
            .Select(line => string.Join(',', line.Split(',').Take(5))).Order(StringComparer.Ordinal)];

    // segment, array, window start and end, label, both probabilities
    private static List<string> WindowRows(WorkerEnvironment environment) =>
        [.. environment.ReportLines("windows.csv").Select(line => string.Join(',', line.Split(',').Take(7))).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Should_report_live_the_events_and_labels_a_backfill_of_the_same_span_reports()
    {
        using var backfilled = await Environment();
        await using (var backfill = backfilled.Start("cli", "backfill",
            "--start", OwnedFromUtc.ToString("O", CultureInfo.InvariantCulture), "--end", OwnedUntilUtc.ToString("O", CultureInfo.InvariantCulture),
            "--source", "sds://" + hour.ArchivePath, "--inventory", hour.InventoryPath))
        {
            Assert.True(await backfill.WaitForExit(TimeSpan.FromMinutes(3)), backfill.Output);
            Assert.True(backfill.ExitCode == 0, backfill.Output);
            Assert.Contains("segments: 21 planned, 21 read and handed on", backfill.Output);
        }

        using var live = await Environment();
        await using var server = Replay();
        await using var run = RunLive(live, server);
        await run.WaitForOutput("Live: segment ARCES_20240304T104500.000Z", TimeSpan.FromSeconds(180));
        run.Interrupt();
        Assert.True(await run.WaitForExit(TimeSpan.FromSeconds(30)), run.Output);

        Assert.Contains("left complete", run.Output);
        Assert.DoesNotContain("left on its deadline", run.Output);
        // The run was stopped before the next segment's deadline, so it reported the backfill's segments: all 21,
        // or, when a loaded machine started it after the replay had passed the first segment's data, the 20 after.
        // Those have the backfill's windows and events exactly.
        var reported = Reported(run.Output).ToHashSet(StringComparer.Ordinal);
        Assert.True(reported.Count >= 20, $"{reported.Count} segments reported:{System.Environment.NewLine}{run.Output}");
        Assert.Equal(reported.Count * 60, WindowRows(live).Count);
        Assert.Equal(WindowRows(backfilled).Where(row => reported.Contains(row.Split(',')[0])), WindowRows(live));
        var expected = EventRows(backfilled, reported);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, EventRows(live, reported));
        Assert.Contains("Live latency, data complete to rows written", run.Output);
    }

    [Fact]
    public async Task Should_resume_after_a_restart_without_repeating_or_losing_a_segment()
    {
        using var live = await Environment();
        await using var server = Replay();
        List<string> before;
        await using (var first = RunLive(live, server))
        {
            await first.WaitForOutput("Live: segment ARCES_20240304T092500.000Z", TimeSpan.FromSeconds(150));
            first.Interrupt();
            Assert.True(await first.WaitForExit(TimeSpan.FromSeconds(30)), first.Output);
            before = Reported(first.Output);
        }

        // The replay runs on while the run is down; the restart asks for what it had not finished with.
        await using var second = RunLive(live, server);
        await second.WaitForOutput("Live: segment ARCES_20240304T101000.000Z", TimeSpan.FromSeconds(150));
        second.Interrupt();
        Assert.True(await second.WaitForExit(TimeSpan.FromSeconds(30)), second.Output);

        Assert.Empty(before.Intersect(Reported(second.Output)));
        var rows = WindowRows(live);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        var segments = rows.Select(row => row.Split(',')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        var starts = segments.Select(id => DateTime.ParseExact(id.Split('_')[1], "yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).ToList();
        // Every segment from the first to the last, each with all its windows: none lost across the restart.
        Assert.Equal(starts.Select((_, i) => starts[0].AddMinutes(5 * i)), starts);
        Assert.True(starts[^1] >= SimulatedTwoHours.StartUtc.AddMinutes(70), $"last segment {starts[^1]:O}");
        Assert.Equal(segments.Count * 60, rows.Count);
    }

    [Fact]
    public async Task Should_report_a_stopped_station_missing_while_the_others_leave_on_their_deadline()
    {
        using var live = await Environment();
        await using var server = Replay();
        await using var run = RunLive(live, server);
        await run.WaitForOutput("Live: segment ARCES_20240304T090500.000Z", TimeSpan.FromSeconds(150));

        server.Replay.Stop("NO_ARB1");
        await run.WaitForOutput("Live: segment ARCES_20240304T093000.000Z", TimeSpan.FromSeconds(120));
        run.Interrupt();
        Assert.True(await run.WaitForExit(TimeSpan.FromSeconds(30)), run.Output);

        Assert.Contains("left on its deadline with 3 channels missing: NO.ARB1..BHE, NO.ARB1..BHN, NO.ARB1..BHZ", run.Output);
        Assert.Contains("(left on its deadline, 3 channels missing)", run.Output);
    }
}
