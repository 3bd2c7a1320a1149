using System.Globalization;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Seismic.Inference.Voting;
using Seismic.Onnx;
using Seismic.Onnx.Schema;

namespace Seismic.Inference.Onnx;

/// <summary>
/// Sliding inference: a network whose convolutions take no padding (the compact network with <c>padding: valid</c>)
/// computes for a window starting at sample s exactly the features the same network computes for the whole segment,
/// from feature s / stride on, when s is a multiple of the feature stride (128 samples for the shipped compact
/// network). So the model is cut in two where its features stop depending on the window: the front (the
/// convolutions) runs once over the segment for each phase of the window starts modulo the stride, the back
/// (time averages and heads) once per window on its slice of those features. Windows 200 samples apart fall on
/// 16 phases of a 128-sample stride, so each sample goes through the convolutions 16 times instead of 48.
/// The exporter marks a model that can be cut so (<see cref="FeaturesMetadataKey"/>); any other model goes
/// window by window.
/// </summary>
public sealed class SlidingNetwork : IDisposable
{
    /// <summary>Model metadata naming the tensor [batch, channels, features] to cut at.</summary>
    public const string FeaturesMetadataKey = "seismic.sliding.features";

    /// <summary>Model metadata holding the input samples between consecutive features of that tensor.</summary>
    public const string StrideMetadataKey = "seismic.sliding.stride_samples";

    /// <summary>Largest difference of a probability between the two paths that the check at load accepts.</summary>
    public const double Tolerance = 1e-4;

    private static readonly string[] OutputNames = [ClassifierModel.DetectorOutput, ClassifierModel.ClassifierOutput];

    private readonly InferenceSession _features;
    private readonly InferenceSession _heads;
    private readonly string _featuresName;

    private SlidingNetwork(InferenceSession features, InferenceSession heads, string featuresName, int strideSamples, int windowSamples, int channels)
    {
        _features = features;
        _heads = heads;
        _featuresName = featuresName;
        StrideSamples = strideSamples;
        WindowSamples = windowSamples;
        Channels = channels;
    }

    /// <summary>Input samples between consecutive features.</summary>
    public int StrideSamples { get; }

    public int WindowSamples { get; }

    /// <summary>Input channels (the three beams).</summary>
    public int Channels { get; }

    /// <summary>Feature channels of the cut tensor, known after the first run.</summary>
    private int FeatureChannels { get; set; }

    /// <summary>Features of one window, known after the first run.</summary>
    private int WindowFeatures { get; set; }

    /// <summary>
    /// Cuts <paramref name="model"/> when its metadata says it can be, else returns null. The cut is checked on three
    /// windows against <paramref name="whole"/>, the uncut model, so a model whose metadata is wrong is refused.
    /// </summary>
    /// <exception cref="ModelLoadException">The metadata names a cut that does not exist or does not compute what the model computes.</exception>
    internal static SlidingNetwork? TryCut(ModelProto model, string path, int windowSamples, int channels, Func<SessionOptions> options, Func<float[], int, WindowProbabilities[]> whole)
    {
        var metadata = model.MetadataProps.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        if (!metadata.TryGetValue(FeaturesMetadataKey, out var featuresName))
            return null;
        if (!metadata.TryGetValue(StrideMetadataKey, out var strideText)
            || !int.TryParse(strideText, NumberStyles.None, CultureInfo.InvariantCulture, out var stride) || stride < 1)
            throw new ModelLoadException($"Model file {path} marks tensor '{featuresName}' for sliding inference but its '{StrideMetadataKey}' is '{strideText}', not a positive whole number of samples.");

        ModelProto front, back;
        try
        {
            (front, back) = OnnxGraphSplitter.Split(
                model, featuresName, ["batch", "channels", "features"],
                new Dictionary<string, object[]> { [ClassifierModel.InputName] = ["batch", "samples", (long)channels] });
        }
        catch (ArgumentException cannotCut)
        {
            throw new ModelLoadException($"Model file {path} cannot be cut for sliding inference: {cannotCut.Message}.", cannotCut);
        }

        InferenceSession? features = null;
        try
        {
            using (var frontOptions = options())
                features = new InferenceSession(Serialize(front), frontOptions);
            using var backOptions = options();
            var heads = new InferenceSession(Serialize(back), backOptions);
            var sliding = new SlidingNetwork(features, heads, featuresName, stride, windowSamples, channels);
            try
            {
                sliding.CheckAgainst(whole, path);
            }
            catch
            {
                sliding.Dispose();
                throw;
            }
            return sliding;
        }
        catch (OnnxRuntimeException notRunnable)
        {
            features?.Dispose();
            throw new ModelLoadException($"Model file {path} cannot be cut for sliding inference at '{featuresName}': {notRunnable.Message}", notRunnable);
        }
    }

    /// <summary>
    /// Each window's probabilities, for windows of <paramref name="segment"/> (scaled, channels-last,
    /// <paramref name="samples"/> × <see cref="Channels"/>) starting at <paramref name="starts"/>, heads run
    /// <paramref name="batchSize"/> windows at a time. The scaling must not depend on the window.
    /// </summary>
    public WindowProbabilities[] Predict(float[] segment, int samples, IReadOnlyList<int> starts, int batchSize)
    {
        if (segment.Length < samples * Channels)
            throw new ArgumentException($"{samples} samples of {Channels} channels need {samples * Channels} values; the buffer holds {segment.Length}", nameof(segment));
        var probabilities = new WindowProbabilities[starts.Count];
        if (starts.Count == 0)
            return probabilities;

        var pending = new List<int>(batchSize);
        float[]? batch = null;
        // One pass of the convolutions per phase: all windows of a phase lie on the same feature grid.
        foreach (var phase in Enumerable.Range(0, starts.Count).GroupBy(i => starts[i] % StrideSamples))
        {
            var first = phase.Key;
            var lastEnd = phase.Max(i => starts[i]) + WindowSamples;
            if (lastEnd > samples)
                throw new ArgumentException($"a window ending at sample {lastEnd} does not fit in {samples} samples", nameof(starts));
            var length = lastEnd - first;
            using var input = OrtValue.CreateTensorValueFromMemory(
                OrtMemoryInfo.DefaultInstance, segment.AsMemory(first * Channels, length * Channels), [1, length, Channels]);
            using var runOptions = new RunOptions();
            using var outputs = _features.Run(runOptions, [ClassifierModel.InputName], [input], [_featuresName]);
            var segmentFeatures = (int)outputs[0].GetTensorTypeAndShape().Shape[2];
            var values = outputs[0].GetTensorDataAsSpan<float>();
            var valuesPerWindow = FeatureChannels * WindowFeatures;
            batch ??= new float[Math.Min(batchSize, starts.Count) * valuesPerWindow];

            foreach (var window in phase)
            {
                var offset = (starts[window] - first) / StrideSamples;
                var slot = batch.AsSpan(pending.Count * valuesPerWindow, valuesPerWindow);
                for (var channel = 0; channel < FeatureChannels; channel++)
                    values.Slice(channel * segmentFeatures + offset, WindowFeatures).CopyTo(slot.Slice(channel * WindowFeatures, WindowFeatures));
                pending.Add(window);
                if (pending.Count == batchSize)
                    RunHeads(batch, pending, probabilities);
            }
        }
        if (pending.Count > 0)
            RunHeads(batch!, pending, probabilities);
        return probabilities;
    }

    public void Dispose()
    {
        _features.Dispose();
        _heads.Dispose();
    }

    private void RunHeads(float[] batch, List<int> windows, WindowProbabilities[] probabilities)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance, batch.AsMemory(0, windows.Count * FeatureChannels * WindowFeatures), [windows.Count, FeatureChannels, WindowFeatures]);
        using var runOptions = new RunOptions();
        using var outputs = _heads.Run(runOptions, [_featuresName], [input], OutputNames);
        var detector = outputs[0].GetTensorDataAsSpan<float>();
        var classifier = outputs[1].GetTensorDataAsSpan<float>();
        for (var i = 0; i < windows.Count; i++)
            probabilities[windows[i]] = new WindowProbabilities(ClassifierModel.Sigmoid(detector[i]), ClassifierModel.Sigmoid(classifier[i]));
        windows.Clear();
    }

    /// <summary>
    /// Learns the features' shape from one window and compares both paths on three overlapping windows of
    /// seeded noise, one stride apart, so a wrong cut or a wrong stride is refused at load, not found in a catalog.
    /// </summary>
    private void CheckAgainst(Func<float[], int, WindowProbabilities[]> whole, string path)
    {
        var samples = WindowSamples + 2 * StrideSamples;
        var segment = new float[samples * Channels];
        var random = new Random(20240313);
        for (var i = 0; i < segment.Length; i++)
            segment[i] = (float)(random.NextDouble() - 0.5);

        using (var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, segment.AsMemory(0, WindowSamples * Channels), [1, WindowSamples, Channels]))
        using (var runOptions = new RunOptions())
        using (var outputs = _features.Run(runOptions, [ClassifierModel.InputName], [input], [_featuresName]))
        {
            var shape = outputs[0].GetTensorTypeAndShape().Shape;
            if (shape.Length != 3 || shape[0] != 1)
                throw new ModelLoadException($"Model file {path}: the tensor '{_featuresName}' marked for sliding inference is shaped [{string.Join(", ", shape)}], not [batch, channels, features].");
            FeatureChannels = (int)shape[1];
            WindowFeatures = (int)shape[2];
        }

        int[] starts = [0, StrideSamples, 2 * StrideSamples];
        WindowProbabilities[] sliding;
        try
        {
            sliding = Predict(segment, samples, starts, starts.Length);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A stride larger than the features' grid asks for features past the end of the segment's.
            throw new ModelLoadException(
                $"Model file {path} is marked for sliding inference, but a window {StrideSamples} samples ({StrideMetadataKey}) after another does not start a whole number of features later.");
        }
        var windows = new float[starts.Length * WindowSamples * Channels];
        for (var i = 0; i < starts.Length; i++)
            segment.AsSpan(starts[i] * Channels, WindowSamples * Channels).CopyTo(windows.AsSpan(i * WindowSamples * Channels));
        var expected = whole(windows, starts.Length);
        for (var i = 0; i < starts.Length; i++)
        {
            var difference = Math.Max(Math.Abs(sliding[i].Detector - expected[i].Detector), Math.Abs(sliding[i].Classifier - expected[i].Classifier));
            if (difference > Tolerance)
                throw new ModelLoadException(
                    $"Model file {path} is marked for sliding inference, but its window at sample {starts[i]} gives probabilities {difference:G3} apart on the two paths (more than {Tolerance}): its convolutions are padded or its '{StrideMetadataKey}' is wrong.");
        }
    }

    private static byte[] Serialize(ModelProto model) => model.ToByteArray();
}
