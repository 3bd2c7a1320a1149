using System.Globalization;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.StationXml;
using Seismic.TestSupport;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Integration.Tests;

/// <summary>
/// `seismic beam` on files a user would have: a StationXML of the ARCES sites and a miniSEED file of a
/// plane P wave (vertical) and S wave (transverse) crossing them from a known direction.
/// </summary>
public sealed class BeamCommandTests(SimulatedHour simulated) : IClassFixture<SimulatedHour>
{
    private const double RateHz = 40;
    private const double BackAzimuthDeg = 140;
    private static readonly DateTime DataStart = new(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc);

    private static async Task<ChildProcess> Beam(WorkerEnvironment environment, params string[] arguments)
    {
        var process = environment.Start("cli", ["beam", .. arguments]);
        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(60)), process.Output);
        return process;
    }

    /// <summary>The plane-wave files of the first test, in the environment's folder.</summary>
    private static (string Inventory, string Data) PlaneWaveFiles(WorkerEnvironment environment)
    {
        var sites = ArcesSites();
        var inventory = Path.Combine(environment.Folder, "arces.xml");
        var data = Path.Combine(environment.Folder, "arces.mseed");
        File.WriteAllText(inventory, StationXml(sites));
        File.WriteAllBytes(data, PlaneWaves(sites, pArrivalS: 100, sArrivalS: 160));
        return (inventory, data);
    }

    [Fact]
    public async Task Should_write_three_beams_with_the_p_wave_on_the_vertical_beam()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var sites = ArcesSites();
        var inventory = Path.Combine(environment.Folder, "arces.xml");
        var data = Path.Combine(environment.Folder, "arces.mseed");
        var output = Path.Combine(environment.Folder, "beams.mseed");
        File.WriteAllText(inventory, StationXml(sites));
        File.WriteAllBytes(data, PlaneWaves(sites, pArrivalS: 100, sArrivalS: 160));

        await using var process = environment.Start("cli", "beam", "--inventory", inventory, "--data", data,
            "--start", "2023-10-30T12:00:20Z", "--end", "2023-10-30T12:05:20Z", "--baz", "140", "--out", output);
        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(60)), process.Output);

        Assert.True(process.ExitCode == 0, process.Output);
        Assert.Contains("steered to 140.0 deg (Picks)", process.Output);
        var beams = MiniSeedFile.ReadTraces(output).Segments.ToDictionary(segment => segment.SourceId.Channel);
        Assert.Equal(["PBZ", "SBR", "SBT"], beams.Keys.Order());
        Assert.Equal(12001, beams["PBZ"].SampleCount);
        // The P wave (100 s into the data, 80 s into the beams) is the largest motion on the vertical beam,
        // and the S wave (140 s into the beams) on the transverse one.
        Assert.InRange(PeakSeconds(beams["PBZ"]), 79.5, 80.5);
        Assert.InRange(PeakSeconds(beams["SBT"]), 139.5, 140.5);
    }

    [Fact]
    public async Task Should_say_why_when_there_are_no_usable_channels()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var sites = ArcesSites();
        var inventory = Path.Combine(environment.Folder, "arces.xml");
        File.WriteAllText(inventory, StationXml(sites));
        var empty = Path.Combine(environment.Folder, "empty.mseed");
        File.WriteAllBytes(empty, []);

        await using var process = environment.Start("cli", "beam", "--inventory", inventory, "--data", empty,
            "--start", "2023-10-30T12:00:20Z", "--end", "2023-10-30T12:05:20Z", "--out", Path.Combine(environment.Folder, "beams.mseed"));
        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(60)), process.Output);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("No beams:", process.Output);
    }

    [Fact]
    public async Task Should_form_beams_of_only_the_stations_the_pattern_selects()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var (inventory, data) = PlaneWaveFiles(environment);

        await using var process = await Beam(environment, "--inventory", inventory, "--data", data, "--stations", "ARA*",
            "--start", "2023-10-30T12:00:20Z", "--end", "2023-10-30T12:05:20Z", "--baz", "140", "--out", Path.Combine(environment.Folder, "beams.mseed"));

        Assert.True(process.ExitCode == 0, process.Output);
        Assert.Contains("Beams of 4 sites", process.Output);
    }

    [Fact]
    public async Task Should_say_which_stations_the_inventory_has_when_the_pattern_selects_none()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var (inventory, data) = PlaneWaveFiles(environment);

        await using var process = await Beam(environment, "--inventory", inventory, "--data", data, "--stations", "YK*",
            "--start", "2023-10-30T12:00:20Z", "--end", "2023-10-30T12:05:20Z", "--out", Path.Combine(environment.Folder, "beams.mseed"));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("No station of the inventory matches --network NO --stations YK* at 2023-10-30T12:00:20Z; it has NO.ARA0, NO.ARA1", process.Output);
    }

    [Fact]
    public async Task Should_write_the_same_beams_from_a_source_uri_as_from_the_data_file()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var (inventory, data) = PlaneWaveFiles(environment);
        string[] segment = ["--inventory", inventory, "--start", "2023-10-30T12:00:20Z", "--end", "2023-10-30T12:05:20Z", "--baz", "140"];
        var fromData = Path.Combine(environment.Folder, "from-data.mseed");
        var fromSource = Path.Combine(environment.Folder, "from-source.mseed");

        await using var first = await Beam(environment, [.. segment, "--data", data, "--out", fromData]);
        await using var second = await Beam(environment, [.. segment, "--source", $"file://{data}", "--out", fromSource]);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(File.ReadAllBytes(fromData), File.ReadAllBytes(fromSource));
    }

    [Fact]
    public async Task Should_write_the_same_beams_from_an_sds_archive_as_from_its_files_in_one()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var (pUtc, _) = simulated.StrongestEvent;
        string[] segment = ["--inventory", simulated.InventoryPath, "--start", Time(pUtc.AddSeconds(-100)), "--end", Time(pUtc.AddSeconds(200))];
        var fromArchive = Path.Combine(environment.Folder, "from-archive.mseed");
        var fromFile = Path.Combine(environment.Folder, "from-file.mseed");

        await using var archive = await Beam(environment, [.. segment, "--source", $"sds://{simulated.ArchivePath}", "--out", fromArchive]);
        await using var file = await Beam(environment, [.. segment, "--data", simulated.SingleFilePath, "--out", fromFile]);

        Assert.True(archive.ExitCode == 0, archive.Output);
        Assert.Contains("Beams of 26 sites, 12001 samples", archive.Output);
        Assert.DoesNotContain("warning", archive.Output);
        Assert.Equal(archive.Output.Replace(fromArchive, "OUT", StringComparison.Ordinal), file.Output.Replace(fromFile, "OUT", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(fromArchive), File.ReadAllBytes(fromFile));
    }

    [Theory]
    [InlineData(false, false, "Give the waveforms with --data FILE or --source URI")]
    [InlineData(true, true, "Give --data or --source, not both")]
    public async Task Should_refuse_to_run_without_exactly_one_waveform_input(bool withData, bool withSource, string message)
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var (inventory, data) = PlaneWaveFiles(environment);
        string[] dataOption = withData ? ["--data", data] : [];
        string[] sourceOption = withSource ? ["--source", $"file://{data}"] : [];

        await using var process = await Beam(environment, ["--inventory", inventory, "--start", "2023-10-30T12:00:20Z", "--end", "2023-10-30T12:05:20Z",
            "--out", Path.Combine(environment.Folder, "beams.mseed"), .. dataOption, .. sourceOption]);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(message, process.Output);
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static double PeakSeconds(TraceSegment beam)
    {
        var samples = beam.ToDoubleArray();
        var peak = Enumerable.Range(0, samples.Length).MaxBy(i => Math.Abs(samples[i]));
        return peak / beam.SampleRateHz;
    }

    private static List<(string Name, double EastKm, double NorthKm)> ArcesSites() =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.SharedData, "arces", "arces-geometry.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (f[0].Trim(), double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>Sites placed around 69.53 N 25.51 E by their offsets; BHZ, BHN and BHE each, oriented exactly.</summary>
    private static string StationXml(List<(string Name, double EastKm, double NorthKm)> sites)
    {
        var reference = new GeoPoint(69.53, 25.51);
        var epochStart = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var stations = sites.Select(site =>
        {
            var position = LocalProjection.ToGeographic(reference, new LocalOffset(site.EastKm, site.NorthKm));
            return new Station
            {
                NetworkCode = "NO",
                Code = site.Name,
                StartUtc = epochStart,
                EndUtc = null,
                LatitudeDeg = position.LatitudeDeg,
                LongitudeDeg = position.LongitudeDeg,
                ElevationM = 400,
                SiteName = site.Name,
                Channels = new[] { ("BHZ", 0.0, -90.0), ("BHN", 0.0, 0.0), ("BHE", 90.0, 0.0) }.Select(c => new Channel
                {
                    Id = new ChannelId("NO", site.Name, "", c.Item1),
                    StartUtc = epochStart,
                    EndUtc = null,
                    LatitudeDeg = position.LatitudeDeg,
                    LongitudeDeg = position.LongitudeDeg,
                    ElevationM = 400,
                    DepthM = 0,
                    AzimuthDeg = c.Item2,
                    DipDeg = c.Item3,
                    SampleRateHz = RateHz,
                    Sensitivity = null,
                }).ToList(),
            };
        }).ToList();
        var inventory = new Inventory
        {
            SchemaVersion = "1.2",
            Source = "Seismic integration test",
            CreatedUtc = epochStart,
            Networks = [new Network { Code = "NO", Description = "ARCES (synthetic)", StartUtc = null, EndUtc = null, Stations = stations }],
        };
        return StationXmlWriter.ToXml(inventory);
    }

    /// <summary>340 s of data: a Ricker P wave at 6.45 km/s on Z and an S wave at 3.70 km/s polarised transversely, plus a little noise.</summary>
    private static byte[] PlaneWaves(List<(string Name, double EastKm, double NorthKm)> sites, double pArrivalS, double sArrivalS)
    {
        var random = new Random(1);
        var baz = BackAzimuthDeg * Math.PI / 180;
        // Transverse unit vector (ObsPy's convention: radial points away from the source, transverse 90° clockwise of it).
        var (transverseNorth, transverseEast) = (-Math.Sin(baz + Math.PI), Math.Cos(baz + Math.PI));
        using var stream = new MemoryStream();
        foreach (var (name, east, north) in sites)
        {
            double Delay(double velocity) => -(east * Math.Sin(baz) + north * Math.Cos(baz)) / velocity;
            var n = (int)(340 * RateHz);
            float[] z = new float[n], northSamples = new float[n], eastSamples = new float[n];
            for (var i = 0; i < n; i++)
            {
                var t = i / RateHz;
                var p = Ricker(t - pArrivalS - Delay(6.45), 4);
                var s = Ricker(t - sArrivalS - Delay(3.70), 3);
                z[i] = (float)(1000 * p + 10 * Gaussian(random));
                northSamples[i] = (float)(1000 * s * transverseNorth + 10 * Gaussian(random));
                eastSamples[i] = (float)(1000 * s * transverseEast + 10 * Gaussian(random));
            }
            foreach (var (channel, samples) in new[] { ("BHZ", z), ("BHN", northSamples), ("BHE", eastSamples) })
                MiniSeed2Writer.Write(stream, TraceSegment.FromFloat32(SourceId.FromSeed("NO", name, "", channel), NanoTime.FromDateTime(DataStart), RateHz, samples));
        }
        return stream.ToArray();
    }

    private static double Ricker(double t, double peakHz)
    {
        var a = Math.PI * Math.PI * peakHz * peakHz * t * t;
        return (1 - 2 * a) * Math.Exp(-a);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
