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
public sealed class BeamCommandTests
{
    private const double RateHz = 40;
    private const double BackAzimuthDeg = 140;
    private static readonly DateTime DataStart = new(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc);

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
