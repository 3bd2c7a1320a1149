namespace Seismic.Signal.Hygiene;

/// <summary>What <see cref="Glitches.Clean"/> changed in a trace.</summary>
/// <param name="SpikesRemoved">One- or two-sample spikes replaced by the line between their neighbours.</param>
/// <param name="DeadSamples">Samples of exact-zero runs now marked missing (NaN).</param>
public sealed record GlitchReport(int SpikesRemoved, int DeadSamples)
{
    public bool Any => SpikesRemoved > 0 || DeadSamples > 0;
}

/// <summary>
/// Instrument glitches that are not ground motion, found on the raw counts before any filter spreads them:
/// <list type="bullet">
/// <item>Spikes: one or two samples far beyond the trace's own amplitude (more than <see cref="SpikeSigmas"/>
/// robust standard deviations from the local median) while their neighbours are not. Ground motion of that
/// size lasts many samples; a lone sample that big is a telemetry or digitiser error, and after the
/// high-pass filter it would ring like an arrival on the beam.</item>
/// <item>Dead stretches: a digitiser that stops writes exact zeros. Real counts of a running sensor are never
/// exactly zero for <see cref="DeadSeconds"/> on end, so such runs are data that is missing, and the step into
/// and out of them would otherwise look like an arrival.</item>
/// </list>
/// </summary>
public static class Glitches
{
    public const double SpikeSigmas = 50;
    public const double DeadSeconds = 1.0;

    /// <summary>Cleans <paramref name="samples"/> in place (NaN marks samples already missing).</summary>
    public static GlitchReport Clean(double[] samples, double sampleRateHz)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var dead = MarkDeadStretches(samples, Math.Max(2, (int)Math.Round(DeadSeconds * sampleRateHz)));
        var spikes = RemoveSpikes(samples);
        return new GlitchReport(spikes, dead);
    }

    private static int MarkDeadStretches(double[] samples, int minimumRun)
    {
        var marked = 0;
        var runStart = -1;
        for (var i = 0; i <= samples.Length; i++)
        {
            var isZero = i < samples.Length && samples[i] == 0.0;
            if (isZero && runStart < 0)
            {
                runStart = i;
            }
            else if (!isZero && runStart >= 0)
            {
                if (i - runStart >= minimumRun)
                {
                    Array.Fill(samples, double.NaN, runStart, i - runStart);
                    marked += i - runStart;
                }
                runStart = -1;
            }
        }
        return marked;
    }

    private static int RemoveSpikes(double[] samples)
    {
        var sigma = RobustSigma(samples);
        if (!(sigma > 0))
            return 0;
        var threshold = SpikeSigmas * sigma;
        var removed = 0;
        for (var i = 3; i < samples.Length - 4; i++)
        {
            var x = samples[i];
            if (double.IsNaN(x))
                continue;
            var local = LocalMedian(samples, i);
            if (Math.Abs(x - local) <= threshold)
                continue;

            // One sample, or two in a row, stand out; the samples on both sides do not.
            var width = Math.Abs(samples[i + 1] - local) > threshold ? 2 : 1;
            var before = samples[i - 1];
            var after = samples[i + width];
            if (double.IsNaN(before) || double.IsNaN(after) || Math.Abs(before - local) > threshold / 10 || Math.Abs(after - local) > threshold / 10)
                continue;
            for (var k = 0; k < width; k++)
                samples[i + k] = before + ((after - before) * (k + 1) / (width + 1));
            removed++;
            i += width;
        }
        return removed;
    }

    /// <summary>Median of the three samples on each side of <paramref name="i"/>, skipping <paramref name="i"/> itself and missing samples.</summary>
    private static double LocalMedian(double[] samples, int i)
    {
        Span<double> around = stackalloc double[6];
        var n = 0;
        for (var k = i - 3; k <= i + 3; k++)
        {
            if (k != i && !double.IsNaN(samples[k]))
                around[n++] = samples[k];
        }
        if (n == 0)
            return 0;
        var used = around[..n];
        used.Sort();
        return n % 2 == 1 ? used[n / 2] : (used[(n / 2) - 1] + used[n / 2]) / 2;
    }

    /// <summary>
    /// 1.4826 × the median absolute deviation of the sample-to-sample differences / √2: the noise level, blind to
    /// a few outliers and to a slow drift (the microseism). From at most about 4,096 differences spread over the
    /// trace, which estimate a median as well as all of them at a fraction of the sorting.
    /// </summary>
    private static double RobustSigma(double[] samples)
    {
        var stride = Math.Max(1, samples.Length / 4096);
        var differences = new List<double>(samples.Length / stride + 1);
        for (var i = 1; i < samples.Length; i += stride)
        {
            if (!double.IsNaN(samples[i]) && !double.IsNaN(samples[i - 1]))
                differences.Add(samples[i] - samples[i - 1]);
        }
        if (differences.Count < 16)
            return 0;
        differences.Sort();
        var median = differences[differences.Count / 2];
        for (var i = 0; i < differences.Count; i++)
            differences[i] = Math.Abs(differences[i] - median);
        differences.Sort();
        return 1.4826 * differences[differences.Count / 2] / Math.Sqrt(2);
    }
}
