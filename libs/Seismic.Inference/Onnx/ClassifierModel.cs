using Microsoft.ML.OnnxRuntime;
using Seismic.Inference.Voting;
using Seismic.Onnx.Schema;

namespace Seismic.Inference.Onnx;

/// <summary>
/// A detector/classifier network loaded in ONNX Runtime. The contract is the one a Keras model of the
/// original converted with tf2onnx has: input "input" float32 [batch, samples, 3] channels-last, outputs
/// "detector" and "classifier" float32 [batch, 1] logits. The file is checked against that contract when
/// it is loaded, so a model trained for another window length or with other outputs is refused with a
/// reason instead of failing on the first segment.
/// </summary>
public sealed class ClassifierModel : IDisposable
{
    public const string InputName = "input";
    public const string DetectorOutput = "detector";
    public const string ClassifierOutput = "classifier";

    private static readonly string[] OutputNames = [DetectorOutput, ClassifierOutput];
    private readonly InferenceSession _session;

    private ClassifierModel(InferenceSession session, string path, int windowSamples, int channels)
    {
        _session = session;
        Path = path;
        WindowSamples = windowSamples;
        Channels = channels;
    }

    /// <summary>The same network cut for sliding inference, when its file allows that (<see cref="SlidingNetwork"/>); else null.</summary>
    public SlidingNetwork? Sliding { get; private set; }

    public string Path { get; }

    public int WindowSamples { get; }

    public int Channels { get; }

    /// <summary>Opens <paramref name="path"/> and checks it takes windows of <paramref name="windowSamples"/> × <paramref name="channels"/>.</summary>
    /// <exception cref="ModelLoadException">The file is missing, is not ONNX, or does not match the contract.</exception>
    public static ClassifierModel Load(string path, int windowSamples, int channels = 3)
    {
        if (!File.Exists(path))
            throw new ModelLoadException($"Model file {path} does not exist.");

        InferenceSession session;
        try
        {
            using var options = SessionOptions();
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException notOnnx)
        {
            throw new ModelLoadException($"Model file {path} is not a usable ONNX model: {notOnnx.Message}", notOnnx);
        }

        var problems = ContractProblems(session, windowSamples, channels);
        if (problems.Count > 0)
        {
            session.Dispose();
            throw new ModelLoadException($"Model file {path} does not match a Seismic model: {string.Join("; ", problems)}.");
        }
        var model = new ClassifierModel(session, path, windowSamples, channels);
        try
        {
            // Only a file whose metadata asks for it is read again and cut; the others (AlexNet's is 1.3 GB) are not.
            if (session.ModelMetadata.CustomMetadataMap.ContainsKey(SlidingNetwork.FeaturesMetadataKey))
            {
                var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
                model.Sliding = SlidingNetwork.TryCut(proto, path, windowSamples, channels, SessionOptions, model.Predict);
            }
        }
        catch
        {
            model.Dispose();
            throw;
        }
        return model;
    }

    /// <summary>
    /// One intra-op thread, set explicitly (ONNX Runtime's default counts physical cores, which differs between
    /// machines), and idle threads sleep instead of spinning. The classifier takes two segments at once, so one
    /// thread each keeps two cores busy: measured (./build.sh bench inference), two concurrent single-thread
    /// sessions classify more windows per second than one two-thread session, and in the whole pipeline two
    /// threads per session slowed the demo's backfill from 64 s to 75 s by crowding out the beamformer.
    /// </summary>
    private static SessionOptions SessionOptions()
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    /// <summary>
    /// Runs <paramref name="windowCount"/> scaled channels-last windows, laid end to end in <paramref name="windows"/>,
    /// as one batch; returns each window's detector and classifier probability (sigmoid of the logits).
    /// </summary>
    public WindowProbabilities[] Predict(float[] windows, int windowCount)
    {
        var valuesPerWindow = WindowSamples * Channels;
        if (windowCount < 1 || windows.Length < windowCount * valuesPerWindow)
            throw new ArgumentException($"{windowCount} windows need {windowCount * valuesPerWindow} values; the buffer holds {windows.Length}", nameof(windows));

        using var input = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance, windows.AsMemory(0, windowCount * valuesPerWindow), [windowCount, WindowSamples, Channels]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [InputName], [input], OutputNames);

        var detector = outputs[0].GetTensorDataAsSpan<float>();
        var classifier = outputs[1].GetTensorDataAsSpan<float>();
        var probabilities = new WindowProbabilities[windowCount];
        for (var i = 0; i < windowCount; i++)
            probabilities[i] = new WindowProbabilities(Sigmoid(detector[i]), Sigmoid(classifier[i]));
        return probabilities;
    }

    public void Dispose()
    {
        Sliding?.Dispose();
        _session.Dispose();
    }

    internal static double Sigmoid(float logit) => 1 / (1 + Math.Exp(-logit));

    private static List<string> ContractProblems(InferenceSession session, int windowSamples, int channels)
    {
        var problems = new List<string>();
        if (!session.InputMetadata.TryGetValue(InputName, out var input))
        {
            problems.Add($"it has no input named '{InputName}' (its inputs: {string.Join(", ", session.InputMetadata.Keys)})");
        }
        else
        {
            if (input.ElementType != typeof(float))
                problems.Add($"input '{InputName}' holds {input.ElementType.Name}, not float32");
            var dims = input.Dimensions;
            if (dims.Length != 3)
                problems.Add($"input '{InputName}' has {dims.Length} dimensions, not 3 [batch, samples, channels]");
            else
            {
                // -1 is a dimension the model leaves open, which accepts any size.
                if (dims[1] != -1 && dims[1] != windowSamples)
                    problems.Add($"it takes windows of {dims[1]} samples, the configuration makes {windowSamples} (window.length_s × sample_rate_hz + 1)");
                if (dims[2] != -1 && dims[2] != channels)
                    problems.Add($"it takes {dims[2]} channels, the beams are {channels}");
            }
        }

        foreach (var output in OutputNames)
        {
            if (!session.OutputMetadata.TryGetValue(output, out var metadata))
                problems.Add($"it has no output named '{output}' (its outputs: {string.Join(", ", session.OutputMetadata.Keys)})");
            else if (metadata.Dimensions is not [_, 1])
                problems.Add($"output '{output}' is shaped [{string.Join(", ", metadata.Dimensions)}], not [batch, 1]");
        }
        return problems;
    }
}
