using Seismic.Inference.Scaling;

namespace Seismic.Training.Data;

/// <summary>
/// Windows in memory, channels-last and not yet scaled ([count, samples, channels] laid end to end), with
/// their labels. The dataset reader fills it from a SeisBench-format dataset; tests make small ones.
/// </summary>
public sealed record TrainingSet(float[] Windows, IReadOnlyList<SampleLabel> Labels, int WindowSamples, int Channels)
{
    public int Count => Labels.Count;

    public int ValuesPerWindow => WindowSamples * Channels;

    public ReadOnlySpan<float> Window(int index) => Windows.AsSpan(index * ValuesPerWindow, ValuesPerWindow);

    /// <summary>The windows at <paramref name="indices"/>, each scaled on its own copy, end to end: a batch as eval mode sees it (no augmentation).</summary>
    public float[] ScaledWindows(IReadOnlyList<int> indices, WindowScaler scaler)
    {
        var values = new float[indices.Count * ValuesPerWindow];
        for (var i = 0; i < indices.Count; i++)
        {
            var window = values.AsSpan(i * ValuesPerWindow, ValuesPerWindow);
            Window(indices[i]).CopyTo(window);
            scaler.Scale(window, Channels);
        }
        return values;
    }
}
