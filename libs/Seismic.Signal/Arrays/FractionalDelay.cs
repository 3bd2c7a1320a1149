using Seismic.Signal.Numerics;

namespace Seismic.Signal.Arrays;

/// <summary>
/// Reads a trace between samples with a Kaiser-windowed sinc (beta 8, 2 * HalfWidth taps).
/// <para>
/// Why windowed sinc: linear interpolation is a low-pass whose loss depends on the fraction
/// (at half a sample its gain is cos(pi f / fs): 0.81 at 8 Hz for 40 Hz data), so sites would be
/// attenuated by different amounts and the beam would lose its top band. A frequency-domain shift is
/// exact but circular, needs whole-trace FFTs, and cannot skip NaN gaps. The windowed sinc is local:
/// with 8 taps a side its error is below 1e-4 up to 0.2 fs (8 Hz at 40 Hz) and 3e-5 at 0.3 fs,
/// and a gap only spoils the samples within 8 taps of it.
/// </para>
/// Where the full kernel would touch a gap or run off the trace, the value falls back to linear
/// interpolation between the two neighbours, and is missing (NaN) only if a neighbour is missing.
/// </summary>
internal sealed class FractionalDelay
{
    private const double KaiserBeta = 8.0;

    private readonly double[] weights;
    private readonly int halfWidth;
    private readonly double fraction;

    /// <param name="fraction">Position between samples, in [0, 1).</param>
    /// <param name="halfWidth">Taps on each side of the point.</param>
    public FractionalDelay(double fraction, int halfWidth)
    {
        this.fraction = fraction;
        this.halfWidth = halfWidth;
        weights = new double[2 * halfWidth];
        if (fraction == 0)
        {
            return;
        }

        var sum = 0.0;
        for (var j = 0; j < weights.Length; j++)
        {
            var distance = (j - halfWidth + 1) - fraction;
            weights[j] = Windows.Sinc(distance) * Windows.Kaiser(distance / halfWidth, KaiserBeta);
            sum += weights[j];
        }

        // Unit DC gain, so a constant stays exactly constant whatever the fraction.
        for (var j = 0; j < weights.Length; j++)
        {
            weights[j] /= sum;
        }
    }

    /// <summary>The value at position <paramref name="index"/> + fraction, or NaN if it cannot be formed.</summary>
    public double ValueAt(ReadOnlySpan<double> samples, int index)
    {
        if (fraction == 0)
        {
            return index >= 0 && index < samples.Length ? samples[index] : double.NaN;
        }

        var first = index - halfWidth + 1;
        if (first >= 0 && first + weights.Length <= samples.Length)
        {
            var sum = 0.0;
            for (var j = 0; j < weights.Length; j++)
            {
                sum += weights[j] * samples[first + j];
            }

            // A NaN tap makes the sum NaN: that is the signal to fall back.
            if (!double.IsNaN(sum))
            {
                return sum;
            }
        }

        if (index >= 0 && index + 1 < samples.Length)
        {
            return ((1.0 - fraction) * samples[index]) + (fraction * samples[index + 1]);
        }

        return double.NaN;
    }
}
