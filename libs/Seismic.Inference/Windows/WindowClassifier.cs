using Seismic.Inference.Models;
using Seismic.Inference.Voting;

namespace Seismic.Inference.Windows;

/// <summary>The model's verdict on one window of the beams.</summary>
public sealed record ClassifiedWindow(int StartSample, WindowProbabilities Probabilities, EventLabel Label);

/// <summary>
/// Slides the model's window over three beams, scales each window as in training, and runs the model on
/// batches of windows: the seed ran one window per call, which left most of the model's throughput unused.
/// </summary>
public static class WindowClassifier
{
    public static IReadOnlyList<ClassifiedWindow> Classify(LoadedModel model, IReadOnlyList<float[]> beams, int stepSamples, int batchSize)
    {
        var slicer = new WindowSlicer(model.Network.WindowSamples, stepSamples);
        var starts = slicer.WindowStarts(beams[0].Length);
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
}
