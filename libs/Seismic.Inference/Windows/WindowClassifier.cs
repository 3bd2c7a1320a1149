using Seismic.Inference.Models;
using Seismic.Inference.Onnx;
using Seismic.Inference.Voting;

namespace Seismic.Inference.Windows;

/// <summary>The model's verdict on one window of the beams.</summary>
public sealed record ClassifiedWindow(int StartSample, WindowProbabilities Probabilities, EventLabel Label);

/// <summary>
/// Slides the model's window over three beams, scales each window as in training, and runs the model on
/// batches of windows: the seed ran one window per call, which left most of the model's throughput unused.
/// A model cut for sliding inference whose scaling does not depend on the window takes the whole beams at once
/// instead (<see cref="SlidingNetwork"/>): the same probabilities to rounding, for a fraction of the work.
/// </summary>
public static class WindowClassifier
{
    public static IReadOnlyList<ClassifiedWindow> Classify(LoadedModel model, IReadOnlyList<float[]> beams, int stepSamples, int batchSize)
    {
        var slicer = new WindowSlicer(model.Network.WindowSamples, stepSamples);
        var starts = slicer.WindowStarts(beams[0].Length);
        if (model.Slides && starts.Count > 0)
            return ClassifySliding(model, model.Network.Sliding!, beams, starts, batchSize);
        var valuesPerWindow = model.Network.WindowSamples * model.Network.Channels;
        var batch = new float[Math.Min(batchSize, Math.Max(starts.Count, 1)) * valuesPerWindow];
        var results = new List<ClassifiedWindow>(starts.Count);

        for (var first = 0; first < starts.Count; first += batchSize)
        {
            var count = Math.Min(batchSize, starts.Count - first);
            for (var i = 0; i < count; i++)
            {
                var window = batch.AsSpan(i * valuesPerWindow, valuesPerWindow);
                slicer.CopyWindow(beams, starts[first + i], window);
                model.Scaler.Scale(window, model.Network.Channels);
            }
            var probabilities = model.Network.Predict(batch, count);
            for (var i = 0; i < count; i++)
                results.Add(new ClassifiedWindow(starts[first + i], probabilities[i], model.Thresholds.Label(probabilities[i])));
        }
        return results;
    }

    private static IReadOnlyList<ClassifiedWindow> ClassifySliding(
        LoadedModel model, SlidingNetwork sliding, IReadOnlyList<float[]> beams, IReadOnlyList<int> starts, int batchSize)
    {
        // Channels-last like a window, up to the end of the last window; scaled once, as each window would be.
        var samples = starts[^1] + sliding.WindowSamples;
        var channels = beams.Count;
        var segment = new float[samples * channels];
        new WindowSlicer(samples, 1).CopyWindow(beams, 0, segment);
        model.Scaler.Scale(segment, channels);

        var probabilities = sliding.Predict(segment, samples, starts, batchSize);
        var results = new ClassifiedWindow[starts.Count];
        for (var i = 0; i < starts.Count; i++)
            results[i] = new ClassifiedWindow(starts[i], probabilities[i], model.Thresholds.Label(probabilities[i]));
        return results;
    }
}
