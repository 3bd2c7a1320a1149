namespace Seismic.Simulation.Randomness;

/// <summary>
/// A seeded pseudo-random stream (xoshiro256**, Blackman and Vigna 2018) that is the same on every machine and
/// .NET version, unlike System.Random's unseeded algorithm choice. Each piece of the simulation (a day's events,
/// a site's noise, an event's waveforms) draws from its own stream, keyed by the run's seed and what it is for,
/// so the output never depends on how threads were scheduled.
/// </summary>
public sealed class RandomStream
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;
    private double spareGaussian;
    private bool hasSpare;

    /// <param name="seed">The run's seed.</param>
    /// <param name="keys">What the stream is for, e.g. (Purpose.Noise, site, component).</param>
    public RandomStream(long seed, params long[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var mix = (ulong)seed;
        foreach (var key in keys)
        {
            mix = SplitMix(mix ^ (ulong)key * 0x9E3779B97F4A7C15UL);
        }

        s0 = SplitMix(mix + 1);
        s1 = SplitMix(mix + 2);
        s2 = SplitMix(mix + 3);
        s3 = SplitMix(mix + 4);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Uniform integer in [low, high).</summary>
    public int Integer(int low, int high) => low + (int)((NextUInt64() >> 33) % (ulong)(high - low));

    /// <summary>Standard normal, Marsaglia's polar method (no trigonometry: this feeds hundreds of millions of noise samples).</summary>
    public double Gaussian()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spareGaussian;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        spareGaussian = v * factor;
        hasSpare = true;
        return u * factor;
    }

    public double Normal(double mean, double standardDeviation) => mean + (standardDeviation * Gaussian());

    /// <summary>A number whose log10 is normal: a median and a spread in decades, the way amplitude ratios scatter.</summary>
    public double LogNormal10(double median, double sigmaLog10) => median * Math.Pow(10.0, sigmaLog10 * Gaussian());

    /// <summary>Poisson-distributed count (Knuth's product of uniforms; the daily rates here stay far below where it gets slow).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = NextDouble();
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }

    /// <summary>
    /// A value in [min, max] whose median is <paramref name="median"/>, densest at the median and thinning linearly
    /// towards both ends: the shape of a bulletin's magnitude range given as "min-max (median)".
    /// </summary>
    public double SplitTriangular(double min, double median, double max)
    {
        var u = NextDouble();
        return u < 0.5
            ? min + ((median - min) * Math.Sqrt(2.0 * u))
            : max - ((max - median) * Math.Sqrt(2.0 * (1.0 - u)));
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
