namespace Seismic.Signal.Conditioning;

/// <summary>Tukey (tapered cosine) window, as scipy.signal.windows.tukey(M, alpha, sym=True).</summary>
public static class TukeyWindow
{
    /// <param name="length">Window length M in samples.</param>
    /// <param name="alpha">Fraction of the window inside the cosine tapers (0 = rectangular, 1 = Hann).</param>
    public static double[] Create(int length, double alpha = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var w = new double[length];
        if (length <= 1 || alpha <= 0)
        {
            Array.Fill(w, 1.0);
            return w;
        }

        if (alpha >= 1.0)
        {
            for (var n = 0; n < length; n++)
            {
                w[n] = 0.5 - (0.5 * Math.Cos(2.0 * Math.PI * n / (length - 1)));
            }

            return w;
        }

        var m = length - 1;
        var width = (int)Math.Floor(alpha * m / 2.0);
        for (var n = 0; n < length; n++)
        {
            if (n <= width)
            {
                w[n] = 0.5 * (1.0 + Math.Cos(Math.PI * (-1.0 + (2.0 * n / alpha / m))));
            }
            else if (n < length - width - 1)
            {
                w[n] = 1.0;
            }
            else
            {
                w[n] = 0.5 * (1.0 + Math.Cos(Math.PI * ((-2.0 / alpha) + 1.0 + (2.0 * n / alpha / m))));
            }
        }

        return w;
    }

    /// <summary>Multiplies the samples in place by a Tukey window of the same length.</summary>
    public static void Apply(Span<double> samples, double alpha = 0.5)
    {
        var w = Create(samples.Length, alpha);
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] *= w[i];
        }
    }
}
