using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;
using Seismic.Signal.Arrays;
using Seismic.Signal.Filters;
using Seismic.Signal.FrequencyWavenumber;
using Seismic.Signal.Hygiene;

namespace Seismic.Beams;

/// <summary>
/// Where to steer the beams. In order: the array's picks (circular mean of their back-azimuths, as the
/// seed's live code), else the great-circle azimuth from the array to the catalog origin, else an f-k
/// estimate from the segment's own vertical channels.
/// </summary>
public static class BackAzimuthChoice
{
    /// <summary>
    /// f-k window: 13 cycles at 2 Hz and a few s of coda, short enough that one arrival dominates (NORSAR's
    /// regional f-k uses 3-5 s). 6.4 s is 256 samples at 40 Hz, a power of two, so the FFT pads nothing and
    /// the 2-8 Hz band holds 39 bins instead of the 77 of a zero-padded 10 s window: half the cost.
    /// </summary>
    public const double FkWindowSeconds = 6.4;

    /// <summary>Slowness grid half-width: 0.4 s/km reaches 2.5 km/s, slower than any crustal S or Lg.</summary>
    public const double FkMaxSlownessSPerKm = 0.4;

    /// <summary>Grid step: 0.01 s/km is about 4 degrees of azimuth at P slowness (0.155 s/km), finer than ARCES resolves at 2-8 Hz.</summary>
    public const double FkSlownessStepSPerKm = 0.01;

    /// <summary>A resultant shorter than this (picks pointing in opposite directions) has no meaningful direction.</summary>
    private const double MinimumResultantLength = 1e-6;

    /// <summary>
    /// atan2(mean sin, mean cos) in degrees, mod 360, over the picks that have a back-azimuth; null when none
    /// has one or they cancel out. The seed's live code crashed on a pick without a back-azimuth.
    /// </summary>
    public static double? CircularMeanDeg(IEnumerable<double?> backAzimuthsDeg)
    {
        ArgumentNullException.ThrowIfNull(backAzimuthsDeg);
        double sumSin = 0, sumCos = 0;
        var count = 0;
        foreach (var value in backAzimuthsDeg)
        {
            if (value is not { } deg || !double.IsFinite(deg))
            {
                continue;
            }

            sumSin += Math.Sin(deg * Math.PI / 180.0);
            sumCos += Math.Cos(deg * Math.PI / 180.0);
            count++;
        }

        if (count == 0 || Math.Sqrt((sumSin * sumSin) + (sumCos * sumCos)) / count < MinimumResultantLength)
        {
            return null;
        }

        return NormalizeDeg(Math.Atan2(sumSin, sumCos) * 180.0 / Math.PI);
    }

    /// <summary>The back-azimuth the event hint gives, or null when it gives none (no hint, no pick back-azimuth, no origin).</summary>
    public static BackAzimuthEstimate? FromHint(BackAzimuthHint? hint, double arrayLatitudeDeg, double arrayLongitudeDeg)
    {
        if (hint is null)
        {
            return null;
        }

        if (CircularMeanDeg(hint.PickBackAzimuthsDeg) is { } fromPicks)
        {
            return new BackAzimuthEstimate(fromPicks, SteeringSource.Picks);
        }

        if (hint is { OriginLatitudeDeg: { } latitude, OriginLongitudeDeg: { } longitude })
        {
            // On a sphere; the seed (ObsPy gps2dist_azimuth) used the WGS84 ellipsoid, which differs by a few
            // tenths of a degree at most, well inside the beam's width.
            var azimuthDeg = GreatCircle.AzimuthDeg(new GeoPoint(arrayLatitudeDeg, arrayLongitudeDeg), new GeoPoint(latitude, longitude));
            return new BackAzimuthEstimate(azimuthDeg, SteeringSource.Origin);
        }

        return null;
    }

    /// <summary>
    /// f-k estimate from the vertical channels in the P band (the beam filter's band) over [startUtc, endUtc].
    /// Sliding f-k over a whole 300 s segment costs tens of windows; instead the one window with the most
    /// band-limited energy summed over the sites is analysed: that is the strongest arrival, and every
    /// regional phase of one event (Pn, Pg, Sn, Lg) shares its back-azimuth.
    /// </summary>
    /// <exception cref="ArrayProcessingException">Too few sites, or too little shared data, for one window.</exception>
    public static BackAzimuthEstimate FromFrequencyWavenumber(
        IReadOnlyList<ArraySite> geometry, IReadOnlyList<ArrayChannel> verticals, DateTime startUtc, DateTime endUtc,
        double lowHz, double highHz, int minimumSites) =>
        FromBandLimited(geometry, BandLimited(verticals, lowHz, highHz), startUtc, endUtc, lowHz, highHz, minimumSites);

    /// <summary>The vertical channels band-passed (4 corners, causal, as the beam filter) for f-k and arrival finding.</summary>
    /// <exception cref="ArrayProcessingException">There is no vertical channel.</exception>
    public static IReadOnlyList<ArrayChannel> BandLimited(IReadOnlyList<ArrayChannel> verticals, double lowHz, double highHz)
    {
        ArgumentNullException.ThrowIfNull(verticals);
        if (verticals.Count == 0)
        {
            throw new ArrayProcessingException("f-k needs vertical channels; there are none.", []);
        }

        var band = Butterworth.BandPass(4, lowHz, highHz, verticals[0].Trace.SampleRateHz);
        return verticals.Select(v => BandLimited(v, band)).ToList();
    }

    /// <summary>As <see cref="FromFrequencyWavenumber"/>, on channels already band-limited by <see cref="BandLimited(IReadOnlyList{ArrayChannel}, double, double)"/>.</summary>
    public static BackAzimuthEstimate FromBandLimited(
        IReadOnlyList<ArraySite> geometry, IReadOnlyList<ArrayChannel> filtered, DateTime startUtc, DateTime endUtc,
        double lowHz, double highHz, int minimumSites)
    {
        var rateHz = filtered[0].Trace.SampleRateHz;
        var windowSamples = (int)Math.Round(FkWindowSeconds * rateHz);
        var windowStartUtc = MostEnergeticWindowStart(filtered, startUtc, endUtc, windowSamples);
        var best = FkAt(geometry, filtered, windowStartUtc, lowHz, highHz, minimumSites)
            ?? throw new ArrayProcessingException($"f-k found no window with {minimumSites} complete sites at {windowStartUtc:O}.", []);
        return new BackAzimuthEstimate(best.BackAzimuthDeg, SteeringSource.FrequencyWavenumber, best.RelativePower, best.ApparentVelocityKmPerS);
    }

    /// <summary>f-k of the one window of <see cref="FkWindowSeconds"/> starting at <paramref name="windowStartUtc"/>; null when too few sites cover it.</summary>
    internal static FkWindow? FkAt(
        IReadOnlyList<ArraySite> geometry, IReadOnlyList<ArrayChannel> filtered, DateTime windowStartUtc, double lowHz, double highHz, int minimumSites)
    {
        var rateHz = filtered[0].Trace.SampleRateHz;
        var windowSamples = (int)Math.Round(FkWindowSeconds * rateHz);
        var windowed = filtered
            .Select(c => new ArrayChannel(c.Site, Slice(c.Trace, windowStartUtc, windowSamples)))
            .Where(c => c.Trace.Samples.Length == windowSamples)
            .ToList();
        if (windowed.Count < minimumSites)
        {
            return null;
        }

        var result = new FkAnalyzer(geometry).Analyze(windowed, new FkOptions
        {
            WindowSeconds = FkWindowSeconds,
            StepFraction = 1.0,
            LowHz = lowHz,
            HighHz = highHz,
            MaxSlownessSPerKm = FkMaxSlownessSPerKm,
            SlownessStepSPerKm = FkSlownessStepSPerKm,
            SampleRateHz = rateHz,
            MinimumSites = minimumSites,
        });
        return result.Windows.Count == 0 ? null : result.Windows[0];
    }

    private static ArrayChannel BandLimited(ArrayChannel channel, SecondOrderSections band)
    {
        var samples = (double[])channel.Trace.Samples.Clone();
        band.Filter(samples);
        return channel with { Trace = channel.Trace with { Samples = samples } };
    }

    /// <summary>Start of the window, inside [startUtc, endUtc], where the energy summed over all sites is largest.</summary>
    internal static DateTime MostEnergeticWindowStart(IReadOnlyList<ArrayChannel> channels, DateTime startUtc, DateTime endUtc, int windowSamples)
    {
        var rateHz = channels[0].Trace.SampleRateHz;
        var spanSamples = (int)Math.Round((endUtc - startUtc).TotalSeconds * rateHz);
        var energy = new double[Math.Max(spanSamples, 0)];
        foreach (var channel in channels)
        {
            var offset = (int)Math.Round((startUtc - channel.Trace.StartUtc).TotalSeconds * rateHz);
            var samples = channel.Trace.Samples;
            for (var k = 0; k < energy.Length; k++)
            {
                var i = offset + k;
                if (i >= 0 && i < samples.Length && !double.IsNaN(samples[i]))
                {
                    energy[k] += samples[i] * samples[i];
                }
            }
        }

        // Running sum over the window; the best start is the one with the largest sum.
        var bestStart = 0;
        var sum = 0.0;
        var bestSum = double.NegativeInfinity;
        for (var k = 0; k < energy.Length; k++)
        {
            sum += energy[k];
            if (k >= windowSamples)
            {
                sum -= energy[k - windowSamples];
            }

            if (k >= windowSamples - 1 && sum > bestSum)
            {
                bestSum = sum;
                bestStart = k - windowSamples + 1;
            }
        }

        return startUtc.AddTicks((long)Math.Round(bestStart / rateHz * TimeSpan.TicksPerSecond));
    }

    internal static SignalTrace Slice(SignalTrace trace, DateTime startUtc, int sampleCount)
    {
        var first = (int)Math.Round((startUtc - trace.StartUtc).TotalSeconds * trace.SampleRateHz);
        if (first < 0 || first + sampleCount > trace.Samples.Length)
        {
            return trace with { Samples = [] };
        }

        return trace with { StartUtc = trace.StartUtc.AddTicks((long)Math.Round(first / trace.SampleRateHz * TimeSpan.TicksPerSecond)), Samples = trace.Samples[first..(first + sampleCount)] };
    }

    private static double NormalizeDeg(double deg)
    {
        var wrapped = deg % 360.0;
        wrapped = wrapped < 0 ? wrapped + 360.0 : wrapped;

        // -1e-15 + 360 rounds to 360.0, which is outside [0, 360).
        return wrapped >= 360.0 ? 0.0 : wrapped;
    }
}
