namespace Seismic.Signal.Numerics;

internal static class Windows
{
    /// <summary>Normalised sinc, sin(pi x) / (pi x), as numpy.sinc.</summary>
    public static double Sinc(double x)
    {
        if (Math.Abs(x) < 1e-12)
        {
            return 1.0;
        }

        var pix = Math.PI * x;
        return Math.Sin(pix) / pix;
    }

    /// <summary>
    /// Kaiser window evaluated at a position u in [-1, 1] relative to the window's half-length
    /// (0 at the centre); zero outside.
    /// </summary>
    public static double Kaiser(double u, double beta)
    {
        if (Math.Abs(u) > 1.0)
        {
            return 0.0;
        }

        return Bessel.I0(beta * Math.Sqrt(1.0 - (u * u))) / Bessel.I0(beta);
    }

    /// <summary>Symmetric Kaiser window of length n, as scipy.signal.windows.kaiser(n, beta, sym=True).</summary>
    public static double[] Kaiser(int length, double beta)
    {
        var window = new double[length];
        if (length == 1)
        {
            window[0] = 1.0;
            return window;
        }

        var alpha = (length - 1) / 2.0;
        for (var n = 0; n < length; n++)
        {
            window[n] = Kaiser((n - alpha) / alpha, beta);
        }

        return window;
    }
}
