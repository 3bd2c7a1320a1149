using Seismic.Configuration;
using Seismic.Signal.Conditioning;

namespace Seismic.Training.Data;

/// <summary>
/// Training-only augmentation of a batch of channels-last windows, before scaling, in the seed's order:
/// noise, taper, gap, zero channel. Each picks round(probability × batch) distinct windows. Deterministic
/// for a given <see cref="Random"/>.
/// Deliberate differences from the seed: the noise is std_ratio × the window's standard deviation (the seed
/// never read its noise_std and added noise as strong as the signal); a gap is at most max_fraction of the
/// window and lies inside it (the seed's could reach almost the whole window, with wrong indices).
/// </summary>
public sealed class Augmenter(AugmentSettings settings, int windowSamples, int channels)
{
    private readonly float[] _taper = TukeyWindow.Create(windowSamples, settings.Taper.Alpha).Select(w => (float)w).ToArray();

    private int ValuesPerWindow => windowSamples * channels;

    public void Apply(Span<float> batch, int windowCount, Random random)
    {
        if (batch.Length < windowCount * ValuesPerWindow)
            throw new ArgumentException($"{windowCount} windows need {windowCount * ValuesPerWindow} values; the batch holds {batch.Length}", nameof(batch));

        if (settings.AddNoise.Enabled)
            foreach (var w in Pick(windowCount, settings.AddNoise.Probability, random))
                AddNoise(Window(batch, w), settings.AddNoise.StdRatio, random);
        if (settings.Taper.Enabled)
            foreach (var w in Pick(windowCount, settings.Taper.Probability, random))
                Taper(Window(batch, w));
        if (settings.AddGap.Enabled)
            foreach (var w in Pick(windowCount, settings.AddGap.Probability, random))
                AddGap(Window(batch, w), settings.AddGap.MaxFraction, random);
        if (settings.ZeroChannel.Enabled)
            foreach (var w in Pick(windowCount, settings.ZeroChannel.Probability, random))
                ZeroChannel(Window(batch, w), random.Next(channels));
    }

    private Span<float> Window(Span<float> batch, int index) => batch.Slice(index * ValuesPerWindow, ValuesPerWindow);

    /// <summary>round(probability × count) distinct window indices.</summary>
    public static int[] Pick(int count, double probability, Random random)
    {
        var indices = Enumerable.Range(0, count).ToArray();
        random.Shuffle(indices);
        return indices[..(int)Math.Round(probability * count, MidpointRounding.AwayFromZero)];
    }

    private static void AddNoise(Span<float> window, double stdRatio, Random random)
    {
        double sum = 0, sumOfSquares = 0;
        foreach (var x in window)
            sum += x;
        var mean = sum / window.Length;
        foreach (var x in window)
            sumOfSquares += (x - mean) * (x - mean);
        var sigma = stdRatio * Math.Sqrt(sumOfSquares / window.Length);
        for (var i = 0; i < window.Length; i++)
            window[i] += (float)(sigma * Gaussian(random));
    }

    private void Taper(Span<float> window)
    {
        for (var t = 0; t < windowSamples; t++)
            for (var c = 0; c < channels; c++)
                window[t * channels + c] *= _taper[t];
    }

    private void AddGap(Span<float> window, double maxFraction, Random random)
    {
        var longest = Math.Max(1, (int)(maxFraction * windowSamples));
        var length = random.Next(1, longest + 1);
        var start = random.Next(0, windowSamples - length + 1);
        window.Slice(start * channels, length * channels).Clear();
    }

    private void ZeroChannel(Span<float> window, int channel)
    {
        for (var t = 0; t < windowSamples; t++)
            window[t * channels + channel] = 0;
    }

    /// <summary>Standard normal deviate (Box-Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
