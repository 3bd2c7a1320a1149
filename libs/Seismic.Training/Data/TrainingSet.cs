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
}
