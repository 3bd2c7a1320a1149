using Seismic.Simulation.Randomness;

namespace Seismic.Simulation.Synthesis;

/// <summary>
/// One continuous noise series (one site's component, or the array-wide coherent microseism of a component),
/// produced a block at a time: white Gaussian noise from its own stream, shaped by filters whose state carries
/// from block to block. Shaping one white series by a sum of filters costs one random number per sample, which
/// is what keeps a day of 78 channels within seconds.
/// </summary>
internal sealed class NoiseGenerator
{
    private readonly RandomStream random;
    private readonly double whiteGain;
    private readonly (StreamingFilter Filter, double Gain)[] shapers;
    private double[] white = [];
    private double[] shaped = [];

    /// <param name="random">The series' own stream.</param>
    /// <param name="whiteMPerS">RMS of the unfiltered part.</param>
    /// <param name="shapers">Filters and the RMS each should contribute.</param>
    public NoiseGenerator(RandomStream random, double whiteMPerS, IEnumerable<(Seismic.Signal.Filters.SecondOrderSections Design, double RmsMPerS)> shapers)
    {
        this.random = random;
        whiteGain = whiteMPerS;
        this.shapers = shapers
            .Where(s => s.RmsMPerS > 0)
            .Select(s => (new StreamingFilter(s.Design), s.RmsMPerS / StreamingFilter.WhiteNoiseGain(s.Design)))
            .ToArray();
    }

    /// <summary>Writes the next output.Length samples (m/s), scaled by <paramref name="shapedScaleStart"/> at the first sample to <paramref name="shapedScaleEnd"/> at the last on the filtered parts.</summary>
    public void Next(Span<double> output, double shapedScaleStart = 1.0, double shapedScaleEnd = 1.0)
    {
        if (white.Length < output.Length)
        {
            white = new double[output.Length];
            shaped = new double[output.Length];
        }

        var w = white.AsSpan(0, output.Length);
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = random.Gaussian();
        }

        for (var i = 0; i < w.Length; i++)
        {
            output[i] = whiteGain * w[i];
        }

        var step = output.Length > 1 ? (shapedScaleEnd - shapedScaleStart) / (output.Length - 1) : 0.0;
        foreach (var (filter, gain) in shapers)
        {
            var s = shaped.AsSpan(0, output.Length);
            filter.Process(w, s);
            for (var i = 0; i < s.Length; i++)
            {
                output[i] += gain * (shapedScaleStart + (step * i)) * s[i];
            }
        }
    }
}
