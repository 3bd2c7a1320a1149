using Seismic.Metadata.Geometry;
using Seismic.Metadata.StationXml;
using Seismic.Signal.Arrays;
using Seismic.Signal.Conditioning;
using Seismic.Signal.FrequencyWavenumber;
using Seismic.Signal.Hygiene;
using Seismic.TestSupport;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Xunit.Abstractions;

namespace Seismic.Signal.Tests;

/// <summary>
/// f-k on real array data: the Yellowknife array (18 SHZ sites, two 20 km lines) recording the P wave of
/// the 2012-08-14 Sea of Okhotsk deep earthquake (Mw 7.7, 583 km deep, 51.4° away). The catalog puts the
/// source at an azimuth of 305.6° from the array; a teleseismic P at 51° from a deep source arrives with a
/// ray parameter of about 6.5-7.5 s/° (0.058-0.067 s/km, apparent velocity about 15-17 km/s).
/// Seen when this test was written (10 s windows, 0.5-2 Hz, 0.002 s/km grid): P onset in the window from
/// 03:07:45; the strongest window, from 03:07:55, gives back-azimuth 305.8° (0.2° from the catalog) and
/// slowness 0.0616 s/km (16.2 km/s, 6.85 s/°) with relative power 0.87; before the onset the relative power
/// is below 0.16. The test prints every window.
/// </summary>
public sealed class YellowknifeFkTests(ITestOutputHelper output)
{
    private const double CatalogBackAzimuthDeg = 305.6;

    private static string Folder => Path.Combine(RepositoryPaths.SharedData, "obspy-examples", "array-yellowknife-2012-08-14");

    [Fact]
    public void Should_find_the_catalog_back_azimuth_and_a_teleseismic_slowness_on_the_p_arrival()
    {
        var from = NanoTime.Parse("2012-08-14T03:07:20Z");
        var to = NanoTime.Parse("2012-08-14T03:09:00Z");
        var inventory = StationXmlReader.ReadFile(Path.Combine(Folder, "array_yellowknife.xml"));
        var originUtc = new DateTime(2012, 8, 14, 3, 0, 0, DateTimeKind.Utc);
        var sites = ArrayGeometry.StationOffsets(inventory, ArrayGeometry.Centroid(inventory, originUtc), originUtc)
            .Select(offset => new ArraySite(offset.StationCode, offset.EastKm, offset.NorthKm))
            .ToList();
        var channels = MiniSeedFile.ReadTraces(Path.Combine(Folder, "array_yellowknife_2012-08-14.mseed")).Segments
            .Select(segment => segment.Cut(from, to)!)
            .Select(segment =>
            {
                var samples = segment.ToDoubleArray();
                Detrend.Demean(samples);
                return new ArrayChannel(segment.SourceId.Station,
                    new SignalTrace(segment.SourceId.SeedCode, segment.StartTime.ToDateTime(), segment.SampleRateHz, samples));
            })
            .ToList();

        var result = new FkAnalyzer(sites).Analyze(channels, new FkOptions
        {
            WindowSeconds = 10,
            StepFraction = 0.5,
            LowHz = 0.5,
            HighHz = 2.0,
            MaxSlownessSPerKm = 0.2,
            SlownessStepSPerKm = 0.002,
        });
        foreach (var window in result.Windows)
            output.WriteLine($"{window.StartUtc:HH:mm:ss} baz {window.BackAzimuthDeg,6:F1} s {window.SlownessSPerKm:F4} s/km v {window.ApparentVelocityKmPerS,5:F1} km/s rel {window.RelativePower:F2} abs {window.AbsolutePower:E2}");

        var strongest = result.Windows.MaxBy(window => window.AbsolutePower)!;
        output.WriteLine($"strongest: {strongest.StartUtc:HH:mm:ss} baz {strongest.BackAzimuthDeg:F1} s {strongest.SlownessSPerKm:F4}");
        Assert.Equal(18, strongest.SiteCount);
        var bazError = Math.Abs(((strongest.BackAzimuthDeg - CatalogBackAzimuthDeg) % 360 + 540) % 360 - 180);
        Assert.True(bazError <= 3, $"back-azimuth {strongest.BackAzimuthDeg:F1}° is {bazError:F1}° from the catalog's {CatalogBackAzimuthDeg}°");
        Assert.InRange(strongest.SlownessSPerKm, 0.045, 0.085);
    }
}
