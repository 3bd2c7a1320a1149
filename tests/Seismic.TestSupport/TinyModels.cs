using Google.Protobuf;
using Seismic.Onnx;

namespace Seismic.TestSupport;

/// <summary>
/// Small ONNX models with the Seismic contract whose outputs can be computed by hand:
/// detector logit = mean of channel 0 over time, classifier logit = 2 × mean of channel 1 − 1.
/// </summary>
public static class TinyModels
{
    public static string Write(string folder, string name, object samples, int channels = 3, string[]? outputs = null, string inputName = "input")
    {
        var graph = new OnnxGraphBuilder(name);
        graph.AddInput(inputName, "batch", samples, (long)channels);
        var means = graph.AddNode("ReduceMean", [inputName], "means", ("axes", new long[] { 1 }), ("keepdims", 0L));
        var detectorWeights = new float[channels];
        detectorWeights[0] = 1;
        var classifierWeights = new float[channels];
        classifierWeights[1] = 2;
        graph.AddInitializer("w_detector", detectorWeights, channels, 1);
        graph.AddInitializer("b_detector", [0f], 1);
        graph.AddInitializer("w_classifier", classifierWeights, channels, 1);
        graph.AddInitializer("b_classifier", [-1f], 1);
        outputs ??= ["detector", "classifier"];
        graph.AddNode("Gemm", [means, "w_detector", "b_detector"], outputs[0]);
        graph.AddNode("Gemm", [means, "w_classifier", "b_classifier"], outputs[1]);
        graph.AddOutput(outputs[0], "batch", 1L);
        graph.AddOutput(outputs[1], "batch", 1L);

        var path = Path.Combine(folder, name + ".onnx");
        File.WriteAllBytes(path, graph.Build(opsetVersion: 17, producerVersion: "test").ToByteArray());
        return path;
    }

    /// <summary>
    /// A detector that knows a transient when it sees one: a window min-max scaled to [0, 1] spreads noise over
    /// the whole range (its mean absolute deviation is about 0.09, Gaussian noise spanning ±4.5 σ), while a window
    /// holding an arrival is mostly squeezed into a narrow band beside the arrival's peaks. Detector logit =
    /// <paramref name="sharpness"/> × (<paramref name="threshold"/> − mean |P beam − its mean|); classifier logit =
    /// 20 × (deviation of the T beam − deviation of the R beam). Deterministic and physically sensible, for tests of
    /// the pipeline that cannot wait for a trained network.
    /// </summary>
    public static string WriteCrestFactor(string folder, string name, long samples, float threshold = 0.06f, float sharpness = 200f)
    {
        var graph = new OnnxGraphBuilder(name);
        graph.AddInput("input", "batch", samples, 3L);
        var centres = graph.AddNode("ReduceMean", ["input"], "centres", ("axes", new long[] { 1 }), ("keepdims", 1L));
        var deviations = graph.AddNode("Sub", ["input", centres], "deviations");
        var magnitudes = graph.AddNode("Abs", [deviations], "magnitudes");
        var means = graph.AddNode("ReduceMean", [magnitudes], "means", ("axes", new long[] { 1 }), ("keepdims", 0L));
        graph.AddInitializer("w_detector", [-sharpness, 0f, 0f], 3, 1);
        graph.AddInitializer("b_detector", [sharpness * threshold], 1);
        graph.AddInitializer("w_classifier", [0f, 20f, -20f], 3, 1);
        graph.AddInitializer("b_classifier", [0f], 1);
        graph.AddNode("Gemm", [means, "w_detector", "b_detector"], "detector");
        graph.AddNode("Gemm", [means, "w_classifier", "b_classifier"], "classifier");
        graph.AddOutput("detector", "batch", 1L);
        graph.AddOutput("classifier", "batch", 1L);

        var path = Path.Combine(folder, name + ".onnx");
        File.WriteAllBytes(path, graph.Build(opsetVersion: 17, producerVersion: "test").ToByteArray());
        return path;
    }
}
