using System.Globalization;
using Seismic.Datasets.SeisBench;
using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Scoring;

/// <summary>
/// Runs a registered model on one split of a SeisBench dataset, each trace being one input window, with the
/// scaler and thresholds of the model's card: the same scaling, sigmoid and decision the classifier worker
/// applies to live windows, so the figures describe the model as it runs.
/// </summary>
public static class DatasetScorer
{
    public const int DefaultBatchSize = 64;

    /// <summary>
    /// Scores the traces of <paramref name="split"/> in batches of <paramref name="batchSize"/>; <paramref name="progress"/>
    /// is called after each batch with the number of windows scored so far and the total.
    /// </summary>
    /// <exception cref="EvaluationException">The dataset's windows do not fit the model, or the split is empty.</exception>
    /// <exception cref="ModelLoadException">The ONNX file or the card's scaler cannot be used.</exception>
    public static IReadOnlyList<ScoredWindow> Score(
        SeisBenchDataset dataset, RegisteredModel model, string split, int batchSize = DefaultBatchSize, Action<int, int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var card = model.Card;
        CheckFits(dataset, card);
        var traces = dataset.Traces.Where(t => t.Split == split).ToList();
        if (traces.Count == 0)
        {
            var splits = string.Join(", ", dataset.Traces.GroupBy(t => t.Split).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            throw new EvaluationException(
                $"The dataset {dataset.Directory} has no traces in split '{split}' (traces per split: {(splits.Length == 0 ? "none" : splits)}).");
        }

        var inducedAsEarthquake = TrueClass.InducedAsEarthquake(card);
        var thresholds = new DecisionThresholds(card.DetectorThreshold, card.ClassifierThreshold);
        var scaler = card.Scaler.CreateScaler(card.Id);
        using var network = ClassifierModel.Load(model.OnnxPath, card.WindowSamples, card.Channels.Count);

        var valuesPerWindow = network.WindowSamples * network.Channels;
        var batch = new float[Math.Min(batchSize, traces.Count) * valuesPerWindow];
        var scored = new List<ScoredWindow>(traces.Count);
        foreach (var chunk in traces.Chunk(batchSize))
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                var window = batch.AsSpan(i * valuesPerWindow, valuesPerWindow);
                dataset.ReadChannelsLast(chunk[i]).CopyTo(window);
                scaler.Scale(window, network.Channels);
            }
            var probabilities = network.Predict(batch, chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
                scored.Add(Scored(chunk[i], probabilities[i], thresholds, inducedAsEarthquake));
            progress?.Invoke(scored.Count, traces.Count);
        }
        return scored;
    }

    /// <summary>The dataset's windows have the length, rate and channel count the model was trained on.</summary>
    /// <exception cref="EvaluationException">They do not; the message names both values.</exception>
    public static void CheckFits(SeisBenchDataset dataset, ModelCard card)
    {
        if (dataset.SamplesPerTrace != card.WindowSamples)
            throw new EvaluationException(
                $"The dataset {dataset.Directory} has windows of {dataset.SamplesPerTrace} samples, but {card.Id} takes windows of {card.WindowSamples} samples; evaluate it on a dataset built with its window length.");
        if (Math.Abs(dataset.SamplingRateHz - card.SampleRateHz) > 1e-6 * card.SampleRateHz)
            throw new EvaluationException(string.Create(CultureInfo.InvariantCulture,
                $"The dataset {dataset.Directory} is sampled at {dataset.SamplingRateHz} Hz, but {card.Id} was trained at {card.SampleRateHz} Hz."));
        if (dataset.ComponentOrder.Length != card.Channels.Count)
            throw new EvaluationException(
                $"The dataset {dataset.Directory} has {dataset.ComponentOrder.Length} channels ({dataset.ComponentOrder}), but {card.Id} takes {card.Channels.Count} ({string.Join(", ", card.Channels)}).");
    }

    private static ScoredWindow Scored(DatasetTrace trace, WindowProbabilities probabilities, DecisionThresholds thresholds, bool inducedAsEarthquake) => new()
    {
        TraceName = trace.TraceName,
        DatasetLabel = trace.Label,
        TrueLabel = TrueClass.Of(trace.Label, inducedAsEarthquake),
        Probabilities = probabilities,
        Predicted = thresholds.Label(probabilities),
        DistanceKm = trace.DistanceKm,
        Magnitude = trace.Magnitude,
        BackAzimuthDeg = trace.BackAzimuthDeg,
        OriginTimeUtc = trace.OriginTimeUtc,
        PArrivalUtc = trace.PArrivalSample is { } sample ? trace.StartUtc.AddSeconds(sample / trace.SamplingRateHz) : null,
        EventId = trace.EventId,
        Metadata = trace.Columns,
    };
}
