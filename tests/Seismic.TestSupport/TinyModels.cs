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
    /// A detector that knows a transient when it sees one: on min-max scaled windows (largest |sample| = 1) noise
    /// has a mean |x| of about 0.2, while a window holding an arrival is mostly small beside its peak (mean |x|
    /// well under 0.1). Detector logit = 100 × (0.12 − mean |P beam|); classifier logit = 20 × (mean |T beam| −
    /// mean |R beam|). Deterministic and physically sensible, for tests of the pipeline that cannot wait for a
    /// trained network.
    /// </summary>
    public static string WriteCrestFactor(string folder, string name, long samples)
    {
        var graph = new OnnxGraphBuilder(name);
        graph.AddInput("input", "batch", samples, 3L);
        var magnitudes = graph.AddNode("Abs", ["input"], "magnitudes");
        var means = graph.AddNode("ReduceMean", [magnitudes], "means", ("axes", new long[] { 1 }), ("keepdims", 0L));
        graph.AddInitializer("w_detector", [-100f, 0f, 0f], 3, 1);
        graph.AddInitializer("b_detector", [12f], 1);
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
