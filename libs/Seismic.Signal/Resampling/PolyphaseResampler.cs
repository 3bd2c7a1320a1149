using Seismic.Signal.Numerics;

namespace Seismic.Signal.Resampling;

/// <summary>
/// Rational-ratio resampling by a polyphase FIR filter, matching scipy.signal.resample_poly(x, up, down)
/// with its defaults: a Kaiser-windowed sinc low-pass (beta 5.0, cut-off at the lower of the two
/// Nyquist frequencies, 2 * 10 * max(up, down) + 1 taps), zero padding outside the trace, and the
/// output aligned so that output sample 0 falls on input sample 0.
/// <para>
/// Why not ObsPy's Trace.resample (the seed's choice): that is an FFT resampler which treats the
/// trace as periodic, so energy at one end leaks into the other and it needs a whole-trace FFT.
/// The polyphase filter is local, linear-phase, and its anti-alias filter is explicit. All rates
/// the arrays use (20, 40, 50, 100, 200 Hz) are small rational ratios of 40 Hz (2/1, 1/1, 4/5, 2/5, 1/5).
/// </para>
/// </summary>
public sealed class PolyphaseResampler
{
    private const double DefaultKaiserBeta = 5.0;
    private const int MaxFactor = 1000;

    private readonly double[] paddedFilter;
    private readonly int preRemove;

    public PolyphaseResampler(double inputRateHz, double outputRateHz, double kaiserBeta = DefaultKaiserBeta)
    {
        if (inputRateHz <= 0 || outputRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputRateHz), $"Sample rates must be positive (got {inputRateHz} Hz to {outputRateHz} Hz).");
        }

        (Up, Down) = RationalRatio(inputRateHz, outputRateHz);
        InputRateHz = inputRateHz;
        OutputRateHz = outputRateHz;

        var maxRate = Math.Max(Up, Down);
        var halfLength = 10 * maxRate;
        var filter = DesignLowPass((2 * halfLength) + 1, 1.0 / maxRate, kaiserBeta);
        for (var i = 0; i < filter.Length; i++)
        {
            // Zero-stuffing by Up divides the amplitude by Up; the filter gives it back.
            filter[i] *= Up;
        }

        // Leading zeros so that the filter's centre tap lands on an output sample (scipy's n_pre_pad).
        var prePad = Down - (halfLength % Down);
        paddedFilter = new double[prePad + filter.Length];
        Array.Copy(filter, 0, paddedFilter, prePad, filter.Length);
        preRemove = (halfLength + prePad) / Down;
    }

    public double InputRateHz { get; }

    public double OutputRateHz { get; }

    /// <summary>Interpolation factor after reducing the ratio (100 Hz to 40 Hz gives Up 2, Down 5).</summary>
    public int Up { get; }

    public int Down { get; }

    /// <summary>ceil(n * Up / Down), as resample_poly.</summary>
    public int OutputLength(int inputLength) => (int)(((long)inputLength * Up + Down - 1) / Down);

    public double[] Resample(ReadOnlySpan<double> input)
    {
        var output = new double[OutputLength(input.Length)];
        if (Up == 1 && Down == 1)
        {
            input.CopyTo(output);
            return output;
        }

        var filterLength = paddedFilter.Length;
        for (var k = 0; k < output.Length; k++)
        {
            // Output k sits at position (k + preRemove) * Down of the zero-stuffed, filtered stream;
            // only every Up-th tap meets a real input sample.
            var position = (long)(k + preRemove) * Down;
            var firstInput = Math.Max(0L, CeilingDivide(position - filterLength + 1, Up));
            var lastInput = Math.Min(input.Length - 1L, position / Up);
            var sum = 0.0;
            for (var n = firstInput; n <= lastInput; n++)
            {
                sum += input[(int)n] * paddedFilter[position - (n * Up)];
            }

            output[k] = sum;
        }

        return output;
    }

    /// <summary>Windowed-sinc low-pass as scipy.signal.firwin(numtaps, cutoff, window=('kaiser', beta)), cut-off relative to Nyquist, unit DC gain.</summary>
    internal static double[] DesignLowPass(int tapCount, double cutoffRelativeToNyquist, double kaiserBeta)
    {
        var alpha = 0.5 * (tapCount - 1);
        var window = Windows.Kaiser(tapCount, kaiserBeta);
        var h = new double[tapCount];
        var sum = 0.0;
        for (var n = 0; n < tapCount; n++)
        {
            var m = n - alpha;
            h[n] = cutoffRelativeToNyquist * Windows.Sinc(cutoffRelativeToNyquist * m) * window[n];
            sum += h[n];
        }

        for (var n = 0; n < tapCount; n++)
        {
            h[n] /= sum;
        }

        return h;
    }

    private static long CeilingDivide(long numerator, long denominator)
    {
        var quotient = numerator / denominator;
        return (numerator % denominator > 0) ? quotient + 1 : quotient;
    }

    /// <summary>Reduces outputRate / inputRate to Up / Down; rates are taken to the nearest mHz.</summary>
    private static (int Up, int Down) RationalRatio(double inputRateHz, double outputRateHz)
    {
        var input = (long)Math.Round(inputRateHz * 1000.0);
        var output = (long)Math.Round(outputRateHz * 1000.0);
        if (Math.Abs((input / 1000.0) - inputRateHz) > 1e-9 * inputRateHz || Math.Abs((output / 1000.0) - outputRateHz) > 1e-9 * outputRateHz)
        {
            throw new ArgumentException($"Sample rates {inputRateHz} Hz and {outputRateHz} Hz must be whole multiples of 1 mHz to resample between them.");
        }

        var divisor = GreatestCommonDivisor(input, output);
        var up = output / divisor;
        var down = input / divisor;
        if (up > MaxFactor || down > MaxFactor)
        {
            throw new ArgumentException($"Resampling {inputRateHz} Hz to {outputRateHz} Hz needs factors {up}/{down}; at most {MaxFactor} is supported.");
        }

        return ((int)up, (int)down);
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
