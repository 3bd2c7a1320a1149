using Seismic.Beams;
using Seismic.Signal.Arrays;
using Seismic.Signal.Hygiene;

namespace Seismic.TestSupport.Beams;

/// <summary>What the synthetic segment holds: a P plane wave on the verticals, an S plane wave on the horizontals, noise.</summary>
public sealed record SyntheticEvent
{
    /// <summary>Direction to the source, degrees clockwise from north.</summary>
    public double BackAzimuthDeg { get; init; } = 40.0;

    /// <summary>P arrival at the array reference, seconds after the segment start.</summary>
    public double PArrivalSeconds { get; init; } = 60.0;

    /// <summary>S arrival at the array reference, seconds after the segment start.</summary>
    public double SArrivalSeconds { get; init; } = 120.0;

    public double PVelocityKmPerS { get; init; } = 6.45;

    public double SVelocityKmPerS { get; init; } = 3.70;

    public double PAmplitude { get; init; } = 1.0;

    /// <summary>SH amplitude (transverse ground motion).</summary>
    public double TransverseAmplitude { get; init; } = 1.0;

    /// <summary>SV amplitude (radial ground motion, positive away from the source).</summary>
    public double RadialAmplitude { get; init; } = 0.5;

    /// <summary>Standard deviation of the independent Gaussian noise on every channel.</summary>
    public double NoiseAmplitude { get; init; } = 0.1;

    /// <summary>Amplitude of a 0.5 Hz sine, the same on every channel (microseism-like energy below the beam band).</summary>
    public double LowFrequencyAmplitude { get; init; }

    /// <summary>Azimuth of each site's first horizontal sensor (the second is 90 degrees clockwise of it): 0 is a plain N/E pair.</summary>
    public double HorizontalAzimuthDeg { get; init; }
}

/// <summary>
/// A synthetic ARCES segment: 26 sites x 3 components at 40 Hz, 300 s plus 10 s of edge on each side.
/// Wavelets are 4 Hz sines under a Gaussian (sigma 0.5 s), in the middle of the 2-8 Hz beam band.
/// </summary>
public static class SyntheticArces
{
    public const double SegmentSeconds = 300.0;
    public const double EdgeSeconds = 10.0;
    public const double RateHz = 40.0;
    public const double LowFrequencyHz = 0.5;

    private const double WaveletHz = 4.0;
    private const double WaveletSigmaSeconds = 0.5;

    public static DateTime StartUtc { get; } = new(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static DateTime EndUtc => StartUtc.AddSeconds(SegmentSeconds);

    public static IReadOnlyList<ArraySite> Sites => RepositoryFiles.ArcesSites;

    /// <summary>The segment; <paramref name="rateOf"/> gives a site's sample rate (default 40 Hz).</summary>
    public static ArraySegment Segment(SyntheticEvent wave, Func<string, double>? rateOf = null, BackAzimuthHint? hint = null) =>
        new()
        {
            StartUtc = StartUtc,
            EndUtc = EndUtc,
            Sites = Sites,
            Channels = Sites.SelectMany((site, index) => SiteChannels(site, index, wave, rateOf?.Invoke(site.Name) ?? RateHz)).ToList(),
            Hint = hint,
        };

    /// <summary>The same segment with one channel's samples changed (e.g. a NaN run written into it).</summary>
    public static ArraySegment WithSamples(ArraySegment segment, string channelId, Action<double[]> change) =>
        segment with
        {
            Channels = segment.Channels.Select(c =>
            {
                if (c.Trace.ChannelId != channelId)
                {
                    return c;
                }

                var samples = (double[])c.Trace.Samples.Clone();
                change(samples);
                return c with { Trace = c.Trace with { Samples = samples } };
            }).ToList(),
        };

    public static ArraySegment Without(ArraySegment segment, Func<SensorChannel, bool> remove) =>
        segment with { Channels = segment.Channels.Where(c => !remove(c)).ToList() };

    /// <summary>Index of a time (seconds after the segment start) in the beams.</summary>
    public static int BeamIndex(double secondsAfterStart) => (int)Math.Round(secondsAfterStart * RateHz);

    private static IEnumerable<SensorChannel> SiteChannels(ArraySite site, int siteIndex, SyntheticEvent wave, double rateHz)
    {
        var traceStartUtc = StartUtc.AddSeconds(-EdgeSeconds);
        var count = (int)Math.Round((SegmentSeconds + (2 * EdgeSeconds)) * rateHz);
        var (pEast, pNorth) = PlaneWave.SlownessVector(wave.BackAzimuthDeg, 1.0 / wave.PVelocityKmPerS);
        var (sEast, sNorth) = PlaneWave.SlownessVector(wave.BackAzimuthDeg, 1.0 / wave.SVelocityKmPerS);
        var pArrival = EdgeSeconds + wave.PArrivalSeconds + PlaneWave.DelaySeconds(site, pEast, pNorth);
        var sArrival = EdgeSeconds + wave.SArrivalSeconds + PlaneWave.DelaySeconds(site, sEast, sNorth);

        var baz = wave.BackAzimuthDeg * Math.PI / 180.0;
        var azimuth1 = wave.HorizontalAzimuthDeg;
        var azimuth2 = wave.HorizontalAzimuthDeg + 90.0;
        var z = new double[count];
        var h1 = new double[count];
        var h2 = new double[count];
        var noise = new Random(1000 + siteIndex);
        for (var i = 0; i < count; i++)
        {
            var t = i / rateHz;
            var s = Wavelet(t - sArrival);

            // Ground motion from R (away from the source) and T, inverting ObsPy's rotate_ne_rt.
            var radial = wave.RadialAmplitude * s;
            var transverse = wave.TransverseAmplitude * s;
            var north = (-radial * Math.Cos(baz)) + (transverse * Math.Sin(baz));
            var east = (-radial * Math.Sin(baz)) - (transverse * Math.Cos(baz));
            var low = wave.LowFrequencyAmplitude * Math.Sin(2 * Math.PI * LowFrequencyHz * t);

            z[i] = (wave.PAmplitude * Wavelet(t - pArrival)) + low + (wave.NoiseAmplitude * Gaussian(noise));
            h1[i] = Project(north, east, azimuth1) + low + (wave.NoiseAmplitude * Gaussian(noise));
            h2[i] = Project(north, east, azimuth2) + low + (wave.NoiseAmplitude * Gaussian(noise));
        }

        yield return new SensorChannel(site.Name, new SignalTrace($"NO.{site.Name}..BHZ", traceStartUtc, rateHz, z), 0.0, -90.0);
        var (code1, code2) = azimuth1 == 0.0 ? ("BHN", "BHE") : ("BH1", "BH2");
        yield return new SensorChannel(site.Name, new SignalTrace($"NO.{site.Name}..{code1}", traceStartUtc, rateHz, h1), azimuth1, 0.0);
        yield return new SensorChannel(site.Name, new SignalTrace($"NO.{site.Name}..{code2}", traceStartUtc, rateHz, h2), azimuth2, 0.0);
    }

    private static double Project(double north, double east, double azimuthDeg) =>
        (north * Math.Cos(azimuthDeg * Math.PI / 180.0)) + (east * Math.Sin(azimuthDeg * Math.PI / 180.0));

    private static double Wavelet(double t) =>
        Math.Abs(t) > 4 * WaveletSigmaSeconds
            ? 0.0
            : Math.Exp(-(t * t) / (2 * WaveletSigmaSeconds * WaveletSigmaSeconds)) * Math.Cos(2 * Math.PI * WaveletHz * t);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
