using System.Globalization;
using System.Text.Json;
using Seismic.Metadata.StationXml;
using Seismic.TestSupport;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Integration.Tests;

/// <summary>
/// `seismic fk` on the real Yellowknife array recording of the 2012 Okhotsk earthquake's P wave (back-azimuth
/// about 305.6 deg, 51.4 deg away: about 0.064 s/km) and on a simulated hour of ARCES.
/// </summary>
public sealed class FkCommandTests(SimulatedHour simulated) : IClassFixture<SimulatedHour>
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.SharedData, "obspy-examples", "array-yellowknife-2012-08-14");
    private static readonly string Inventory = Path.Combine(Folder, "array_yellowknife.xml");
    private static readonly string Data = Path.Combine(Folder, "array_yellowknife_2012-08-14.mseed");

    // A teleseismic P is analysed below 2 Hz: above it the 20 km array loses coherence (the default band is ARCES's regional P band).
    private static readonly string[] TeleseismicBand = ["--fmin", "0.5", "--fmax", "2"];

    private static async Task<ChildProcess> Fk(WorkerEnvironment environment, params string[] arguments)
    {
        var process = environment.Start("cli", ["fk", .. arguments]);
        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(60)), process.Output);
        return process;
    }

    private static Task<ChildProcess> Yellowknife(WorkerEnvironment environment, params string[] more) =>
        Fk(environment, ["--inventory", Inventory, "--data", Data, "--start", "2012-08-14T03:07:20Z", "--end", "2012-08-14T03:08:30Z", .. more]);

    /// <summary>The JSON lines: every window, then the arrival.</summary>
    private static (List<JsonElement> Windows, JsonElement Arrival) Json(ChildProcess process)
    {
        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).ToList();
        var windows = lines.SkipLast(1).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (windows, JsonDocument.Parse(lines[^1]).RootElement.GetProperty("arrival").Clone());
    }

    private static double AngleBetween(double aDeg, double bDeg) => Math.Abs(((aDeg - bDeg + 540) % 360) - 180);

    [Fact]
    public async Task Should_report_the_back_azimuth_and_slowness_of_the_catalog_event_as_the_arrival()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var process = await Yellowknife(environment, ["--json", .. TeleseismicBand]);

        Assert.True(process.ExitCode == 0, process.Output);
        var (_, arrival) = Json(process);
        Assert.InRange(arrival.GetProperty("backAzimuthDeg").GetDouble(), 302.6, 308.6);
        Assert.InRange(arrival.GetProperty("slownessSPerKm").GetDouble(), 0.045, 0.085);
        Assert.True(arrival.GetProperty("absolutePower").GetDouble() > 0);
    }

    [Fact]
    public async Task Should_use_only_the_stations_the_pattern_selects()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var process = await Yellowknife(environment, ["--stations", "YKR*", "--json", .. TeleseismicBand]);

        Assert.True(process.ExitCode == 0, process.Output);
        var (windows, arrival) = Json(process);
        Assert.All(windows, w => Assert.Equal(9, w.GetProperty("sites").GetInt32()));
        Assert.Equal(9, arrival.GetProperty("sites").GetInt32());
    }

    [Fact]
    public async Task Should_leave_out_a_station_of_the_inventory_that_the_pattern_does_not_select()
    {
        // A station 40 km north of the array, recording the array's own YKB0 trace: not a site of the array.
        using var environment = WorkerEnvironment.WithoutBroker();
        var (inventory, data) = WithForeignStation(environment.Folder);
        string[] common = ["--inventory", inventory, "--data", data, "--start", "2012-08-14T03:07:20Z", "--end", "2012-08-14T03:08:30Z", "--json", .. TeleseismicBand];

        await using var everything = await Fk(environment, common);
        await using var array = await Fk(environment, [.. common, "--stations", "YK*", "--network", "CN"]);

        Assert.True(everything.ExitCode == 0, everything.Output);
        Assert.Equal(19, Json(everything).Arrival.GetProperty("sites").GetInt32());
        Assert.True(array.ExitCode == 0, array.Output);
        var arrival = Json(array).Arrival;
        Assert.Equal(18, arrival.GetProperty("sites").GetInt32());
        Assert.InRange(arrival.GetProperty("backAzimuthDeg").GetDouble(), 302.6, 308.6);
    }

    [Fact]
    public async Task Should_take_the_configured_array_with_config_and_say_when_the_inventory_has_none_of_its_stations()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var process = await Yellowknife(environment, "--config", RepositoryLayout.ConfigFile);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("No station of the inventory matches --network NO --stations AR* at 2012-08-14T03:07:20Z; it has CN.YKB0", process.Output);
    }

    [Fact]
    public async Task Should_find_a_simulated_regional_events_back_azimuth_in_the_default_band_where_the_microseism_band_fails()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var (pUtc, trueBackAzimuthDeg) = simulated.StrongestEvent;
        string[] window = ["--inventory", simulated.InventoryPath, "--source", $"sds://{simulated.ArchivePath}",
            "--start", Time(pUtc.AddSeconds(-20)), "--end", Time(pUtc.AddSeconds(40)), "--json"];

        await using var defaultBand = await Fk(environment, window);
        await using var microseismBand = await Fk(environment, [.. window, "--fmin", "0.5", "--fmax", "2"]);

        Assert.True(defaultBand.ExitCode == 0, defaultBand.Output);
        Assert.InRange(AngleBetween(Json(defaultBand).Arrival.GetProperty("backAzimuthDeg").GetDouble(), trueBackAzimuthDeg), 0, 5);
        Assert.True(AngleBetween(Json(microseismBand).Arrival.GetProperty("backAzimuthDeg").GetDouble(), trueBackAzimuthDeg) > 30, microseismBand.Output);
    }

    [Fact]
    public async Task Should_give_the_same_result_from_an_archive_and_from_one_file()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var (pUtc, _) = simulated.StrongestEvent;
        string[] window = ["--inventory", simulated.InventoryPath, "--start", Time(pUtc.AddSeconds(-20)), "--end", Time(pUtc.AddSeconds(40)), "--json"];

        await using var archive = await Fk(environment, [.. window, "--source", $"sds://{simulated.ArchivePath}"]);
        await using var file = await Fk(environment, [.. window, "--data", simulated.SingleFilePath]);
        await using var fileUri = await Fk(environment, [.. window, "--source", $"file://{simulated.SingleFilePath}"]);

        Assert.True(archive.ExitCode == 0, archive.Output);
        Assert.Equal(11, Json(archive).Windows.Count);
        Assert.Equal(archive.Output, file.Output);
        Assert.Equal(archive.Output, fileUri.Output);
    }

    [Theory]
    [InlineData(false, false, "Give the waveforms with --data FILE or --source URI")]
    [InlineData(true, true, "Give --data or --source, not both")]
    public async Task Should_refuse_to_run_without_exactly_one_waveform_input(bool withData, bool withSource, string message)
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        string[] data = withData ? ["--data", Data] : [];
        string[] source = withSource ? ["--source", $"file://{Data}"] : [];

        await using var process = await Fk(environment, ["--inventory", Inventory, "--start", "2012-08-14T03:07:20Z", "--end", "2012-08-14T03:08:30Z", .. data, .. source]);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(message, process.Output);
    }

    [Fact]
    public async Task Should_name_a_source_that_cannot_be_opened()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var process = await Fk(environment, "--inventory", Inventory, "--source", "sds:///no/such/archive",
            "--start", "2012-08-14T03:07:20Z", "--end", "2012-08-14T03:08:30Z");

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("sds:///no/such/archive", process.Output);
        Assert.Contains("does not exist", process.Output);
    }

    [Fact]
    public async Task Should_say_so_when_no_window_reaches_the_minimum_relative_power()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var process = await Yellowknife(environment, ["--min-relative-power", "0.99", .. TeleseismicBand]);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("No window reaches relative power 0.99", process.Output);
    }

    [Fact]
    public async Task Should_refuse_an_interval_that_ends_before_it_starts()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var process = await Fk(environment, "--inventory", Inventory, "--data", Data, "--start", "2012-08-14T03:08:30Z", "--end", "2012-08-14T03:07:20Z");

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("before it starts", process.Output);
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The Yellowknife inventory and data plus station CN.FAR1, 40 km north of YKB0, recording a copy of YKB0's trace.</summary>
    private static (string Inventory, string Data) WithForeignStation(string folder)
    {
        var original = StationXmlReader.ReadFile(Inventory);
        var network = original.Networks.Single();
        var ykb0 = network.Stations.Single(s => s.Code == "YKB0");
        var latitude = ykb0.LatitudeDeg + (40 / 111.2);
        var far = ykb0 with
        {
            Code = "FAR1",
            LatitudeDeg = latitude,
            Channels = ykb0.Channels.Select(c => c with { Id = c.Id with { Station = "FAR1" }, LatitudeDeg = latitude }).ToList(),
        };
        var inventory = Path.Combine(folder, "yellowknife-and-far.xml");
        StationXmlWriter.WriteFile(original with { Networks = [network with { Stations = [.. network.Stations, far] }] }, inventory);

        var data = Path.Combine(folder, "yellowknife-and-far.mseed");
        using (var stream = File.Create(data))
        {
            stream.Write(File.ReadAllBytes(Data));
            foreach (var segment in MiniSeedFile.ReadTraces(Data).Segments.Where(s => s.SourceId.Station == "YKB0"))
            {
                var id = SourceId.FromSeed("CN", "FAR1", segment.SourceId.Location, segment.SourceId.Channel);
                MiniSeed2Writer.Write(stream, TraceSegment.FromInt32(id, segment.StartTime, segment.SampleRateHz, segment.Int32Samples));
            }
        }

        return (inventory, data);
    }
}
