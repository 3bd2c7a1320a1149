using Seismic.Configuration;
using Seismic.Onnx;
using Seismic.Training.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seismic.Training.Export;

/// <summary>Writes TorchSharp layers as ONNX nodes, copying their weights as initializers; every method returns its output's name.</summary>
internal sealed class OnnxLayerWriter(OnnxGraphBuilder graph)
{
    private int _layerCount;

    public string Transpose(string input, params long[] permutation) =>
        graph.AddNode("Transpose", [input], Name("transposed"), ("perm", permutation));

    public string Conv(string input, ConvolutionLayer layer)
    {
        var conv = layer.Conv;
        var weight = conv.weight ?? throw new InvalidOperationException("a convolution without weights cannot be exported");
        var prefix = Name("conv");
        List<string> inputs = [input, Initializer(prefix + ".weight", weight)];
        if (conv.bias is { } bias)
            inputs.Add(Initializer(prefix + ".bias", bias));
        return graph.AddNode(
            "Conv",
            inputs,
            prefix,
            ("kernel_shape", new[] { weight.shape[2] }),
            ("strides", new[] { layer.StrideSamples }),
            ("pads", new[] { layer.PadLeftSamples, layer.PadRightSamples }),
            ("group", layer.Groups));
    }

    /// <summary>Inference-mode batch norm: the running statistics, not the batch's.</summary>
    public string BatchNorm(string input, BatchNorm1d norm)
    {
        var prefix = Name("batch_norm");
        var scale = norm.weight ?? throw new InvalidOperationException("batch norm without affine weights is not exported");
        var shift = norm.bias ?? throw new InvalidOperationException("batch norm without affine weights is not exported");
        var mean = norm.running_mean ?? throw new InvalidOperationException("batch norm without running statistics is not exported");
        var variance = norm.running_var ?? throw new InvalidOperationException("batch norm without running statistics is not exported");
        return graph.AddNode(
            "BatchNormalization",
            [
                input,
                Initializer(prefix + ".weight", scale),
                Initializer(prefix + ".bias", shift),
                Initializer(prefix + ".running_mean", mean),
                Initializer(prefix + ".running_var", variance),
            ],
            prefix,
            ("epsilon", (float)norm.eps));
    }

    public string Relu(string input) => graph.AddNode("Relu", [input], Name("relu"));

    public string Activation(string input, Activation activation) => activation switch
    {
        Configuration.Activation.Relu => Relu(input),
        Configuration.Activation.Elu => graph.AddNode("Elu", [input], Name("elu"), ("alpha", 1.0f)),
        Configuration.Activation.Tanh => graph.AddNode("Tanh", [input], Name("tanh")),
        Configuration.Activation.Gelu => Gelu(input),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation"),
    };

    public string Pool(string input, PoolType poolType, long sizeSamples, long strideSamples) => graph.AddNode(
        poolType == PoolType.Max ? "MaxPool" : "AveragePool",
        [input],
        Name("pool"),
        ("kernel_shape", new[] { sizeSamples }),
        ("strides", new[] { strideSamples }));

    /// <summary>[batch, channels, samples] to [batch, channels × samples], channel-major like torch's flatten(1).</summary>
    public string Flatten(string input) => graph.AddNode("Flatten", [input], Name("flat"), ("axis", 1L));

    /// <summary>Mean over time: [batch, channels, samples] to [batch, channels].</summary>
    public string GlobalAveragePool(string input) =>
        Flatten(graph.AddNode("GlobalAveragePool", [input], Name("pooled")));

    /// <summary>
    /// Torch's adaptive_avg_pool1d to <paramref name="segments"/> then flatten(1): [batch, channels, samples] to
    /// [batch, channels × segments]. ONNX has no adaptive pooling, so each segment's mean is a column of a
    /// constant [samples, segments] averaging matrix (segment i: samples floor(i·L/S) to ceil((i+1)·L/S), as
    /// torch splits them), applied with MatMul.
    /// </summary>
    public string TimeSegmentAverages(string input, long samples, int segments)
    {
        var prefix = Name("segments");
        var averaging = new float[samples * segments];
        for (var segment = 0; segment < segments; segment++)
        {
            var start = segment * samples / segments;
            var end = ((segment + 1) * samples + segments - 1) / segments;
            for (var sample = start; sample < end; sample++)
                averaging[(sample * segments) + segment] = 1f / (end - start);
        }
        var averaged = graph.AddNode("MatMul", [input, graph.AddInitializer(prefix + ".averaging", averaging, samples, segments)], prefix);
        return Flatten(averaged);
    }

    /// <summary>A torch Linear (y = x Wᵀ + b) as Gemm with transB; <paramref name="output"/> names a graph output.</summary>
    public string Dense(string input, Linear linear, string? output = null)
    {
        var prefix = Name("dense");
        var weight = linear.weight ?? throw new InvalidOperationException("a dense layer without weights cannot be exported");
        List<string> inputs = [input, Initializer(prefix + ".weight", weight)];
        if (linear.bias is { } bias)
            inputs.Add(Initializer(prefix + ".bias", bias));
        return graph.AddNode("Gemm", inputs, output ?? prefix, ("transB", 1L));
    }

    /// <summary>Exact GELU, 0.5·x·(1 + erf(x/√2)), from opset-13 operators (the Gelu operator needs opset 20).</summary>
    private string Gelu(string input)
    {
        var prefix = Name("gelu");
        var scaled = graph.AddNode("Mul", [input, Scalar(prefix + ".inverse_sqrt2", (float)(1 / Math.Sqrt(2)))], prefix + ".scaled");
        var erf = graph.AddNode("Erf", [scaled], prefix + ".erf");
        var onePlus = graph.AddNode("Add", [erf, Scalar(prefix + ".one", 1f)], prefix + ".one_plus");
        var half = graph.AddNode("Mul", [input, Scalar(prefix + ".half", 0.5f)], prefix + ".half_x");
        return graph.AddNode("Mul", [half, onePlus], prefix);
    }

    private string Scalar(string name, float value) => graph.AddInitializer(name, [value]);

    private string Initializer(string name, Tensor tensor)
    {
        using var values = tensor.detach().cpu().contiguous();
        return graph.AddInitializer(name, values.data<float>().ToArray(), values.shape);
    }

    private string Name(string kind) => $"{kind}_{_layerCount++}";
}
