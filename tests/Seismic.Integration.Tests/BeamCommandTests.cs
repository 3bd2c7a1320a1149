using System.Globalization;
using System.Text;
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
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><FDSNStationXML xmlns="http://www.fdsn.org/xml/station/1" schemaVersion="1.1"><Source>test</Source><Created>2023-01-01T00:00:00Z</Created><Network code="NO">""");
        foreach (var (name, east, north) in sites)
        {
            var lat = 69.53 + north / 111.2;
            var lon = 25.51 + east / (111.2 * Math.Cos(lat * Math.PI / 180));
            string Position(string tag) => string.Create(CultureInfo.InvariantCulture, $"<Latitude>{lat:F6}</Latitude><Longitude>{lon:F6}</Longitude><Elevation>400</Elevation>{tag}");
            xml.Append(CultureInfo.InvariantCulture, $"""<Station code="{name}" startDate="2000-01-01T00:00:00Z">{Position("")}<Site><Name>{name}</Name></Site>""");
            foreach (var (code, azimuth, dip) in new[] { ("BHZ", 0, -90), ("BHN", 0, 0), ("BHE", 90, 0) })
                xml.Append(CultureInfo.InvariantCulture, $"""<Channel code="{code}" locationCode="" startDate="2000-01-01T00:00:00Z">{Position("<Depth>0</Depth>")}<Azimuth>{azimuth}</Azimuth><Dip>{dip}</Dip><SampleRate>40</SampleRate></Channel>""");
            xml.Append("</Station>");
        }
        return xml.Append("</Network></FDSNStationXML>").ToString();
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
