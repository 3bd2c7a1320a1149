using Seismic.Signal.Filters;

namespace Seismic.Simulation.Synthesis;

/// <summary>
/// Second-order sections (designed by <see cref="Butterworth"/>) run block after block with their state kept,
/// so that noise generated an hour at a time is one continuous series. <see cref="SecondOrderSections.Filter"/>
/// starts every call from rest, which would put a step at each block boundary.
/// </summary>
internal sealed class StreamingFilter
{
    private readonly double[,] sos;
    private readonly double[] state;

    public StreamingFilter(SecondOrderSections design)
    {
        sos = design.ToArray();
        state = new double[sos.GetLength(0) * 2];
    }

    /// <summary>Root-mean-square output for unit white input: the square root of the impulse response's energy.</summary>
    public static double WhiteNoiseGain(SecondOrderSections design)
    {
        var probe = new StreamingFilter(design);
        var impulse = new double[1 << 16];
        impulse[0] = 1.0;
        probe.Process(impulse, impulse);
        var energy = 0.0;
        foreach (var h in impulse)
        {
            energy += h * h;
        }

        return Math.Sqrt(energy);
    }

    /// <summary>Direct form II transposed, section after section, as scipy's sosfilt.</summary>
    public void Process(ReadOnlySpan<double> input, Span<double> output)
    {
        input.CopyTo(output);
        for (var s = 0; s < sos.GetLength(0); s++)
        {
            double b0 = sos[s, 0], b1 = sos[s, 1], b2 = sos[s, 2], a1 = sos[s, 4], a2 = sos[s, 5];
            var z1 = state[2 * s];
            var z2 = state[(2 * s) + 1];
            for (var i = 0; i < output.Length; i++)
            {
                var x = output[i];
                var y = (b0 * x) + z1;
                z1 = (b1 * x) - (a1 * y) + z2;
                z2 = (b2 * x) - (a2 * y);
                output[i] = y;
            }

            state[2 * s] = z1;
            state[(2 * s) + 1] = z2;
        }
    }
}
