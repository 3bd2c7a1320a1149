using Seismic.Signal.Hygiene;

namespace Seismic.Signal.Arrays;

/// <summary>
/// Delay-and-sum beamforming over an array geometry: each site is read at (beam time + its plane-wave
/// delay), with sub-sample delays interpolated by <see cref="FractionalDelay"/>, and the beam is the
/// mean over the sites present at each sample. Missing data (NaN, or time outside a site's trace) is
/// left out of that sample's mean instead of being counted as zero, so a gap lowers the number of
/// sites there (see <see cref="Beam.SiteCounts"/>) but not the amplitude. The seed (ObsPy-based)
/// filled gaps with zeros before beaming; TraceHygiene still does that for short gaps.
/// </summary>
public sealed class DelayAndSumBeamformer
{
    private readonly IReadOnlyList<ArraySite> geometry;

    public DelayAndSumBeamformer(IReadOnlyList<ArraySite> geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        this.geometry = geometry;
    }

    /// <summary>Beam for a wave from <paramref name="backAzimuthDeg"/> at apparent velocity <paramref name="velocityKmPerS"/> (seed: P 6.45, S 3.70 km/s).</summary>
    public Beam Form(IReadOnlyList<ArrayChannel> channels, double backAzimuthDeg, double velocityKmPerS, BeamOptions? options = null)
    {
        if (!(velocityKmPerS > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(velocityKmPerS), velocityKmPerS, "Apparent velocity must be positive.");
        }

        var (sx, sy) = PlaneWave.SlownessVector(backAzimuthDeg, 1.0 / velocityKmPerS);
        return FormForSlowness(channels, sx, sy, options);
    }

    /// <summary>Beam for a horizontal slowness vector (s/km) pointing the way the wave travels.</summary>
    public Beam FormForSlowness(IReadOnlyList<ArrayChannel> channels, double slownessEastSPerKm, double slownessNorthSPerKm, BeamOptions? options = null)
    {
        options ??= new BeamOptions();
        if (options.InterpolationHalfWidth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.InterpolationHalfWidth, "Interpolation half-width must be at least 1.");
        }

        var (used, issues, rateHz) = ChannelSelection.Select(geometry, channels, options.SampleRateHz);
        if (used.Count == 0)
        {
            throw new ArrayProcessingException("No channel can be beamed.", issues);
        }

        var startUtc = options.StartUtc ?? used.Min(u => u.Trace.StartUtc);
        var sampleCount = options.SampleCount
            ?? Math.Max(0, (int)Math.Round((used.Max(u => u.Trace.EndUtc) - startUtc).TotalSeconds * rateHz));

        var sums = new double[sampleCount];
        var counts = new int[sampleCount];
        var sites = new List<BeamSite>(used.Count);
        foreach (var (site, trace) in used)
        {
            var delaySeconds = PlaneWave.DelaySeconds(site, slownessEastSPerKm, slownessNorthSPerKm);
            var contributed = Accumulate(trace, startUtc, rateHz, delaySeconds, options.InterpolationHalfWidth, sums, counts);
            sites.Add(new BeamSite(site.Name, delaySeconds, contributed));
        }

        for (var k = 0; k < sampleCount; k++)
        {
            sums[k] = counts[k] > 0 ? sums[k] / counts[k] : double.NaN;
        }

        return new Beam(startUtc, rateHz, sums, counts, sites, issues);
    }

    private static int Accumulate(SignalTrace trace, DateTime beamStartUtc, double rateHz, double delaySeconds, int halfWidth, double[] sums, int[] counts)
    {
        // Beam sample k is at time beamStart + k / rate at the reference; the wave reaches this site
        // delaySeconds later, which is sample (k + offset) of the site's trace.
        var offset = (((beamStartUtc - trace.StartUtc).TotalSeconds + delaySeconds) * rateHz);
        var whole = Math.Floor(offset);
        var fraction = offset - whole;
        const double snap = 1e-6; // closer than a microsample to a sample: no interpolation
        if (fraction < snap)
        {
            fraction = 0;
        }
        else if (fraction > 1 - snap)
        {
            whole += 1;
            fraction = 0;
        }

        var interpolator = new FractionalDelay(fraction, halfWidth);
        var samples = trace.Samples.AsSpan();
        var contributed = 0;
        for (var k = 0; k < sums.Length; k++)
        {
            var position = (long)whole + k;
            if (position < -1 || position >= samples.Length)
            {
                continue;
            }

            var value = interpolator.ValueAt(samples, (int)position);
            if (!double.IsNaN(value))
            {
                sums[k] += value;
                counts[k]++;
                contributed++;
            }
        }

        return contributed;
    }
}
