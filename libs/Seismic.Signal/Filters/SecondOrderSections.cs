using System.Numerics;

namespace Seismic.Signal.Filters;

/// <summary>
/// A cascade of biquads, rows laid out as scipy's sos array: b0 b1 b2 a0 a1 a2 with a0 = 1.
/// Filtering runs in double precision in direct form II transposed (scipy's sosfilt) from a zero
/// initial state.
/// </summary>
public sealed class SecondOrderSections
{
    private readonly double[] coefficients;

    public SecondOrderSections(double[,] sos)
    {
        ArgumentNullException.ThrowIfNull(sos);
        if (sos.GetLength(1) != 6 || sos.GetLength(0) == 0)
        {
            throw new ArgumentException("Second-order sections need at least one row of 6 coefficients (b0 b1 b2 a0 a1 a2).", nameof(sos));
        }

        SectionCount = sos.GetLength(0);
        coefficients = new double[SectionCount * 6];
        for (var s = 0; s < SectionCount; s++)
        {
            var a0 = sos[s, 3];
            if (a0 == 0)
            {
                throw new ArgumentException($"Section {s} has a0 = 0.", nameof(sos));
            }

            for (var c = 0; c < 6; c++)
            {
                coefficients[(s * 6) + c] = sos[s, c] / a0;
            }
        }
    }

    public int SectionCount { get; }

    /// <summary>A copy of the coefficients as an (SectionCount x 6) array, rows b0 b1 b2 a0 a1 a2.</summary>
    public double[,] ToArray()
    {
        var sos = new double[SectionCount, 6];
        for (var s = 0; s < SectionCount; s++)
        {
            for (var c = 0; c < 6; c++)
            {
                sos[s, c] = coefficients[(s * 6) + c];
            }
        }

        return sos;
    }

    /// <summary>Causal filtering in place, as scipy.signal.sosfilt and ObsPy's filters with zerophase=False.</summary>
    public void Filter(Span<double> samples)
    {
        for (var s = 0; s < SectionCount; s++)
        {
            var o = s * 6;
            double b0 = coefficients[o], b1 = coefficients[o + 1], b2 = coefficients[o + 2];
            double a1 = coefficients[o + 4], a2 = coefficients[o + 5];
            double z1 = 0, z2 = 0;
            for (var i = 0; i < samples.Length; i++)
            {
                var x = samples[i];
                var y = (b0 * x) + z1;
                z1 = (b1 * x) - (a1 * y) + z2;
                z2 = (b2 * x) - (a2 * y);
                samples[i] = y;
            }
        }
    }

    /// <summary>
    /// Zero-phase filtering in place as ObsPy's <c>zerophase=True</c>: one causal pass forward and one
    /// backward, with zero initial state and no edge padding. This deliberately is not
    /// scipy.signal.sosfiltfilt (odd padding and steady-state initial conditions): the pipeline
    /// reproduces an ObsPy chain, and its traces are tapered to zero at the edges before filtering,
    /// where padding makes no difference worth having. The magnitude response is squared.
    /// </summary>
    public void FilterZeroPhase(Span<double> samples)
    {
        Filter(samples);
        samples.Reverse();
        Filter(samples);
        samples.Reverse();
    }

    /// <summary>|H(f)| of one causal pass at <paramref name="frequencyHz"/>.</summary>
    public double MagnitudeAt(double frequencyHz, double sampleRateHz)
    {
        var omega = 2.0 * Math.PI * frequencyHz / sampleRateHz;
        var zInv = Complex.FromPolarCoordinates(1.0, -omega);
        var zInv2 = zInv * zInv;
        var h = Complex.One;
        for (var s = 0; s < SectionCount; s++)
        {
            var o = s * 6;
            var numerator = coefficients[o] + (coefficients[o + 1] * zInv) + (coefficients[o + 2] * zInv2);
            var denominator = 1.0 + (coefficients[o + 4] * zInv) + (coefficients[o + 5] * zInv2);
            h *= numerator / denominator;
        }

        return h.Magnitude;
    }
}
