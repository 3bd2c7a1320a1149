using System.Numerics;

namespace Seismic.Signal.Filters;

/// <summary>
/// Digital Butterworth filters designed as scipy.signal.butter(order, Wn, btype, output='sos', fs=fs),
/// which is also what ObsPy's highpass/lowpass/bandpass use (with corners = order): analog
/// prototype poles, frequency transformation of the pre-warped corners, bilinear transform,
/// then grouping into biquads. The biquads are ordered like scipy's 'nearest' pairing (poles
/// closest to the unit circle last) with the overall gain in the first section. The zero pairing
/// inside band-pass sections differs from scipy's, which does not change the transfer function.
/// For a band-pass the order is per edge, as in scipy and ObsPy: order 4 gives 8 poles.
/// </summary>
public static class Butterworth
{
    // scipy designs at fs = 2 (frequencies relative to Nyquist); the bilinear transform uses 2 * fs.
    private const double DesignFs = 2.0;
    private const double BilinearFs2 = 2.0 * DesignFs;

    public static SecondOrderSections LowPass(int order, double cornerHz, double sampleRateHz)
    {
        var warped = Prewarp(cornerHz, sampleRateHz, nameof(cornerHz));
        var poles = Prototype(order).Select(p => p * warped).ToList();
        var gain = Math.Pow(warped, order);
        return Build(poles, analogZeroCount: 0, gain, FilterZeros.LowPass);
    }

    public static SecondOrderSections HighPass(int order, double cornerHz, double sampleRateHz)
    {
        var warped = Prewarp(cornerHz, sampleRateHz, nameof(cornerHz));
        var prototype = Prototype(order);
        var poles = prototype.Select(p => warped / p).ToList();

        // lp2hp: k * prod(-z) / prod(-p) over the prototype; the prototype has no zeros.
        var product = Complex.One;
        foreach (var p in prototype)
        {
            product *= -p;
        }

        var gain = 1.0 / product.Real;
        return Build(poles, analogZeroCount: order, gain, FilterZeros.HighPass);
    }

    public static SecondOrderSections BandPass(int order, double lowCornerHz, double highCornerHz, double sampleRateHz)
    {
        if (lowCornerHz >= highCornerHz)
        {
            throw new ArgumentException($"Band-pass low corner {lowCornerHz} Hz must be below the high corner {highCornerHz} Hz.", nameof(lowCornerHz));
        }

        var low = Prewarp(lowCornerHz, sampleRateHz, nameof(lowCornerHz));
        var high = Prewarp(highCornerHz, sampleRateHz, nameof(highCornerHz));
        var bandwidth = high - low;
        var centre = Math.Sqrt(low * high);
        var poles = new List<Complex>(2 * order);
        var scaled = Prototype(order).Select(p => p * bandwidth / 2.0).ToList();
        foreach (var p in scaled)
        {
            poles.Add(p + Complex.Sqrt((p * p) - (centre * centre)));
        }

        foreach (var p in scaled)
        {
            poles.Add(p - Complex.Sqrt((p * p) - (centre * centre)));
        }

        var gain = Math.Pow(bandwidth, order);
        return Build(poles, analogZeroCount: order, gain, FilterZeros.BandPass);
    }

    private enum FilterZeros
    {
        LowPass,
        HighPass,
        BandPass,
    }

    /// <summary>Analog Butterworth prototype poles on the left half of the unit circle (scipy.signal.buttap).</summary>
    private static List<Complex> Prototype(int order)
    {
        if (order < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "Filter order must be at least 1.");
        }

        var poles = new List<Complex>(order);
        for (var m = -order + 1; m < order; m += 2)
        {
            poles.Add(-Complex.Exp(new Complex(0, Math.PI * m / (2.0 * order))));
        }

        return poles;
    }

    /// <summary>Corner relative to Nyquist, pre-warped for the bilinear transform at fs = 2 as scipy does.</summary>
    private static double Prewarp(double cornerHz, double sampleRateHz, string parameter)
    {
        if (sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "Sample rate must be positive.");
        }

        var nyquistHz = sampleRateHz / 2.0;
        if (cornerHz <= 0 || cornerHz >= nyquistHz)
        {
            throw new ArgumentOutOfRangeException(parameter, cornerHz, $"Corner frequency must lie strictly between 0 and the Nyquist frequency {nyquistHz} Hz.");
        }

        var relative = cornerHz / nyquistHz;
        return 2.0 * DesignFs * Math.Tan(Math.PI * relative / DesignFs);
    }

    private static SecondOrderSections Build(List<Complex> analogPoles, int analogZeroCount, double analogGain, FilterZeros zeros)
    {
        // Bilinear transform (scipy.signal.bilinear_zpk): analog zeros at s = 0 map to z = +1, the
        // zeros at infinity (degree = poles - zeros) to z = -1; the gain picks up prod(fs2 - z) / prod(fs2 - p).
        var digitalPoles = analogPoles.Select(p => (BilinearFs2 + p) / (BilinearFs2 - p)).ToList();
        var denominator = Complex.One;
        foreach (var p in analogPoles)
        {
            denominator *= BilinearFs2 - p;
        }

        var gain = analogGain * (Math.Pow(BilinearFs2, analogZeroCount) / denominator).Real;

        var sections = GroupPoles(digitalPoles);
        var sos = new double[sections.Count, 6];
        for (var s = 0; s < sections.Count; s++)
        {
            var (a1, a2, poleCount) = sections[s];
            var (b0, b1, b2) = (zeros, poleCount) switch
            {
                (FilterZeros.LowPass, 2) => (1.0, 2.0, 1.0),
                (FilterZeros.LowPass, _) => (1.0, 1.0, 0.0),
                (FilterZeros.HighPass, 2) => (1.0, -2.0, 1.0),
                (FilterZeros.HighPass, _) => (1.0, -1.0, 0.0),
                _ => (1.0, 0.0, -1.0),
            };
            var k = s == 0 ? gain : 1.0;
            sos[s, 0] = k * b0;
            sos[s, 1] = k * b1;
            sos[s, 2] = k * b2;
            sos[s, 3] = 1.0;
            sos[s, 4] = a1;
            sos[s, 5] = a2;
        }

        return new SecondOrderSections(sos);
    }

    /// <summary>
    /// Conjugate pairs become one biquad each; real poles are paired in sorted order, a leftover one
    /// becomes a first-order section. Sections are sorted so the poles nearest the unit circle come
    /// last, as scipy's zpk2sos does, which keeps intermediate signals small.
    /// </summary>
    private static List<(double A1, double A2, int PoleCount)> GroupPoles(List<Complex> poles)
    {
        var sections = new List<(double A1, double A2, int PoleCount, double Radius)>();
        var real = new List<double>();
        foreach (var p in poles)
        {
            if (Math.Abs(p.Imaginary) <= 1e-12 * Math.Max(1.0, p.Magnitude))
            {
                real.Add(p.Real);
            }
            else if (p.Imaginary > 0)
            {
                sections.Add((-2.0 * p.Real, p.Magnitude * p.Magnitude, 2, p.Magnitude));
            }
        }

        real.Sort();
        for (var i = 0; i + 1 < real.Count; i += 2)
        {
            sections.Add((-(real[i] + real[i + 1]), real[i] * real[i + 1], 2, Math.Max(Math.Abs(real[i]), Math.Abs(real[i + 1]))));
        }

        if (real.Count % 2 == 1)
        {
            sections.Add((-real[^1], 0.0, 1, Math.Abs(real[^1])));
        }

        return sections.OrderBy(s => s.Radius).Select(s => (s.A1, s.A2, s.PoleCount)).ToList();
    }
}
