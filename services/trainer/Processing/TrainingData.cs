using Seismic.Datasets.SeisBench;
using Seismic.Training.Data;

namespace Seismic.Trainer.Processing;

/// <summary>One split of a SeisBench-format dataset in memory, as the training loop takes it.</summary>
public static class TrainingData
{
    /// <summary>
    /// The windows and labels of <paramref name="split"/>. Induced events are earthquakes when
    /// <paramref name="includeInduced"/> (data.include_induced), else left out, as in the seed.
    /// </summary>
    /// <exception cref="DatasetException">A trace has a label the trainer does not know, or cannot be read.</exception>
    public static TrainingSet Load(SeisBenchDataset dataset, string split, bool includeInduced)
    {
        var traces = new List<(DatasetTrace Trace, SampleLabel Label)>();
        foreach (var trace in dataset.Traces.Where(t => t.Split == split))
        {
            SampleLabel? label = trace.Label switch
            {
                DatasetLabels.Noise => SampleLabel.Noise,
                DatasetLabels.Earthquake => SampleLabel.Earthquake,
                DatasetLabels.Explosion => SampleLabel.Explosion,
                DatasetLabels.Induced => includeInduced ? SampleLabel.Earthquake : null,
                _ => throw new DatasetException(
                    $"{dataset.Directory}: trace '{trace.TraceName}' has label '{trace.Label}'; the trainer knows {string.Join(", ", DatasetLabels.All)}"),
            };
            if (label is { } known)
                traces.Add((trace, known));
        }

        var channels = dataset.ComponentOrder.Length;
        var valuesPerWindow = dataset.SamplesPerTrace * channels;
        var windows = new float[traces.Count * valuesPerWindow];
        for (var i = 0; i < traces.Count; i++)
            dataset.ReadChannelsLast(traces[i].Trace).AsSpan().CopyTo(windows.AsSpan(i * valuesPerWindow, valuesPerWindow));
        return new TrainingSet(windows, traces.Select(t => t.Label).ToList(), dataset.SamplesPerTrace, channels);
    }
}
