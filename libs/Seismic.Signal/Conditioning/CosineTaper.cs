namespace Seismic.Signal.Conditioning;

/// <summary>
/// Half-cosine taper at both ends, as ObsPy's <c>Trace.taper(max_percentage, type='cosine', max_length)</c>
/// which builds its window with <c>obspy.signal.invsim.cosine_taper(2 * wlen + 1, p=1.0)</c>.
/// The taper length per side is the shortest of: the fraction of the trace, the maximum length
/// in seconds, and half the trace. Each ramp runs over wlen samples from exactly 0 (first sample)
/// to exactly 1 (sample wlen - 1).
/// </summary>
public static class CosineTaper
{
    /// <summary>Tapers in place with at most <paramref name="maxLengthSeconds"/> per side (the seed uses 10 s).</summary>
    public static void ApplyByMaxLength(Span<double> samples, double sampleRateHz, double maxLengthSeconds)
    {
        if (sampleRateHz <= 0 || maxLengthSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLengthSeconds), "Sample rate must be positive and the taper length non-negative.");
        }

        Apply(samples, SideLength(samples.Length, maxFraction: null, (int)(maxLengthSeconds * sampleRateHz)));
    }

    /// <summary>Tapers in place with at most <paramref name="maxFraction"/> of the trace per side (ObsPy's max_percentage, 0 to 0.5).</summary>
    public static void ApplyByFraction(Span<double> samples, double maxFraction)
    {
        if (maxFraction < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFraction), "The taper fraction must be non-negative.");
        }

        Apply(samples, SideLength(samples.Length, maxFraction, maxSamples: null));
    }

    /// <summary>Tapers in place with both limits, as ObsPy when max_percentage and max_length are both given.</summary>
    public static void Apply(Span<double> samples, double sampleRateHz, double maxFraction, double maxLengthSeconds)
    {
        Apply(samples, SideLength(samples.Length, maxFraction, (int)(maxLengthSeconds * sampleRateHz)));
    }

    /// <summary>The taper weight of a ramp sample i (0-based from the trace end) for a ramp of <paramref name="sideLength"/> samples.</summary>
    public static double RampWeight(int i, int sideLength)
    {
        if (sideLength <= 1)
        {
            // ObsPy's pathological case: a one-sample ramp is a single zero.
            return 0.0;
        }

        return 0.5 * (1.0 - Math.Cos(Math.PI * i / (sideLength - 1)));
    }

    /// <summary>Number of samples tapered at each end, following ObsPy's integer truncation.</summary>
    public static int SideLength(int sampleCount, double? maxFraction, int? maxSamples)
    {
        var length = sampleCount / 2;
        if (maxFraction is { } fraction)
        {
            length = Math.Min(length, (int)(fraction * sampleCount));
        }

        if (maxSamples is { } limit)
        {
            length = Math.Min(length, limit);
        }

        return Math.Max(length, 0);
    }

    private static void Apply(Span<double> samples, int sideLength)
    {
        var n = samples.Length;
        for (var i = 0; i < sideLength; i++)
        {
            var w = RampWeight(i, sideLength);
            samples[i] *= w;
            samples[n - 1 - i] *= w;
        }
    }
}
