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
}
