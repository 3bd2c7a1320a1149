using System.Globalization;
using Google.Protobuf;
using Seismic.Configuration;
using Seismic.Inference.Onnx;
using Seismic.Onnx;
using Seismic.Onnx.Schema;
using Seismic.Training.Models;

namespace Seismic.Training.Export;

/// <summary>
/// Writes a trained network as the ONNX model the classifier loads (<c>Seismic.Inference.Onnx.ClassifierModel</c>):
/// input "input" float32 [batch, samples, 3] channels-last, outputs "detector" and "classifier" float32 [batch, 1]
/// logits, batch a symbolic dimension. Batch norm is written in inference mode and dropout is left out, so
/// the ONNX model computes what the network computes in eval mode.
/// </summary>
public static class OnnxExporter
{
    public const string InputName = "input";
    public const string DetectorOutput = "detector";
    public const string ClassifierOutput = "classifier";
    public const string BatchDimension = "batch";

    /// <summary>The window dimension's name when the network takes any length (CompactNet with one time segment).</summary>
    public const string SamplesDimension = "samples";

    /// <summary>Opset 17: every operator used here is in it, and ONNX Runtime 1.14 and later read it.</summary>
    public const long OpsetVersion = 17;

    /// <summary>Metadata key holding <see cref="TwoHeadNetwork.ArchitectureName"/>.</summary>
    public const string ArchitectureMetadataKey = "seismic.architecture";

    public static ModelProto Export(TwoHeadNetwork network, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var builder = new OnnxGraphBuilder(network.ArchitectureName);
        builder.AddInput(InputName, BatchDimension, network.WindowSamples is long samples ? samples : SamplesDimension, (long)TwoHeadNetwork.Channels);
        var writer = new OnnxLayerWriter(builder);

        // [batch, samples, channels] → [batch, channels, samples], the layout ONNX Conv takes.
        var channelsFirst = writer.Transpose(InputName, 0, 2, 1);
        var allMetadata = new Dictionary<string, string> { [ArchitectureMetadataKey] = network.ArchitectureName };
        string features;
        switch (network)
        {
            case AlexNet1d alexNet:
                features = WriteBackbone(writer, channelsFirst, alexNet);
                break;
            case CnnDense cnnDense:
                features = WriteBackbone(writer, channelsFirst, cnnDense);
                break;
            case CompactNet compact:
                var featureMap = WriteConvolutions(writer, channelsFirst, compact);
                // Without padding a window's features are a slice of its segment's: the classifier may cut here.
                if (compact.Hyperparameters.Padding == ConvolutionPadding.Valid)
                {
                    allMetadata[SlidingNetwork.FeaturesMetadataKey] = featureMap;
                    allMetadata[SlidingNetwork.StrideMetadataKey] = compact.FeatureStrideSamples.ToString(CultureInfo.InvariantCulture);
                }
                features = WriteTimeAverages(writer, featureMap, compact);
                break;
            default:
                throw new ArgumentException($"no ONNX export for {network.GetType().Name}", nameof(network));
        }
        writer.Dense(features, network.DetectorHead, DetectorOutput);
        writer.Dense(features, network.ClassifierHead, ClassifierOutput);
        builder.AddOutput(DetectorOutput, BatchDimension, 1L);
        builder.AddOutput(ClassifierOutput, BatchDimension, 1L);

        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
            allMetadata[key] = value;
        var version = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0";
        return builder.Build(OpsetVersion, version, allMetadata);
    }

    /// <summary>Exports <paramref name="network"/> to <paramref name="path"/> (the .onnx file).</summary>
    public static void Save(TwoHeadNetwork network, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var model = Export(network, metadata);
        using var file = File.Create(path);
        model.WriteTo(file);
    }

    private static string WriteBackbone(OnnxLayerWriter writer, string input, AlexNet1d network)
    {
        var x = input;
        for (var i = 0; i < network.ConvolutionLayers.Count; i++)
        {
            // nais' order: activation inside the conv layer, then batch norm.
            x = writer.BatchNorm(writer.Relu(writer.Conv(x, network.ConvolutionLayers[i])), network.BatchNorms[i]);
            if (AlexNet1d.PoolsAfter(i))
                x = writer.Pool(x, network.Hyperparameters.PoolType, AlexNet1d.PoolSizeSamples, AlexNet1d.PoolStrideSamples);
        }
        x = writer.Flatten(x);
        x = writer.Relu(writer.Dense(x, network.Dense1));
        return writer.Relu(writer.Dense(x, network.Dense2));
    }

    private static string WriteBackbone(OnnxLayerWriter writer, string input, CnnDense network)
    {
        var activation = network.Hyperparameters.Activation;
        var x = input;
        for (var i = 0; i < network.Convolutions.Count; i++)
        {
            var layer = new ConvolutionLayer(network.Convolutions[i], 0, 0, 1);
            x = writer.Activation(writer.BatchNorm(writer.Conv(x, layer), network.BatchNorms[i]), activation);
            x = writer.Pool(x, network.Hyperparameters.PoolType, CnnDense.PoolSizeSamples, CnnDense.PoolSizeSamples);
        }
        x = writer.Flatten(x);
        foreach (var dense in network.DenseLayers)
            x = writer.Activation(writer.Dense(x, dense), activation);
        return x;
    }

    /// <summary>The stem and the blocks; returns the last block's output, [batch, channels, features].</summary>
    private static string WriteConvolutions(OnnxLayerWriter writer, string input, CompactNet network)
    {
        var x = input;
        foreach (var (layer, norm) in network.ConvolutionLayers)
            x = writer.Relu(writer.BatchNorm(writer.Conv(x, layer), norm));
        return x;
    }

    private static string WriteTimeAverages(OnnxLayerWriter writer, string x, CompactNet network)
    {
        var segments = network.Hyperparameters.TimeSegments;
        return segments == 1
            ? writer.GlobalAveragePool(x)
            : writer.TimeSegmentAverages(x, network.FeatureSamples(network.WindowSamples!.Value), segments);
    }
}
