using Seismic.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seismic.Training.Models;

/// <summary>
/// The seed's AlexNet-1D (nais.Models.AlexNet1D, SPEC.md §3) with the detector and classifier heads: five
/// convolutions, each "conv → ReLU → batch norm" (batch norm after the activation, as nais has it), pooling
/// after the 1st, 2nd and 5th, then two dense layers of 4096 units with dropout 0.5. The flatten before the
/// dense layers fixes the window length: 9601 samples give 299 × 256 = 76,544 features and about 331.5 M
/// parameters.
/// </summary>
public sealed class AlexNet1d : TwoHeadNetwork
{
    public const int DenseUnits = 4096;
    public const double DenseDropout = 0.5;
    public const long PoolSizeSamples = 3;
    public const long PoolStrideSamples = 2;

    private static readonly (long Filters, long Kernel, long Stride, bool PoolAfter)[] ConvSpecs =
    [
        (96, 11, 4, true),
        (256, 5, 1, true),
        (384, 3, 1, false),
        (384, 3, 1, false),
        (256, 3, 1, true),
    ];

    private readonly long _windowSamples;
    private readonly ModuleList<Conv1d> convs = new();
    private readonly ModuleList<BatchNorm1d> norms = new();
    private readonly Linear dense1;
    private readonly Linear dense2;
    private readonly Dropout dropout;
    private readonly Linear detector;
    private readonly Linear classifier;

    public AlexNet1d(AlexNetHyperparameters hyperparameters, long windowSamples, Generator? generator = null) : base(nameof(AlexNet1d))
    {
        Hyperparameters = hyperparameters;
        _windowSamples = windowSamples;

        var layers = new List<ConvolutionLayer>();
        var channels = (long)Channels;
        var length = windowSamples;
        foreach (var (filters, kernel, stride, poolAfter) in ConvSpecs)
        {
            var conv = nn.Conv1d(channels, filters, kernel, stride: stride);
            KerasCompatibility.InitializeKerasDefault(conv, generator);
            convs.Add(conv);
            norms.Add(KerasCompatibility.BatchNorm(filters));

            var (left, right) = KerasCompatibility.SamePadding(length, kernel, stride);
            layers.Add(new ConvolutionLayer(conv, left, right, stride));
            length = (length + stride - 1) / stride;
            if (poolAfter)
                length = PooledLength(length);
            if (length < 1)
                throw new ArgumentOutOfRangeException(nameof(windowSamples), windowSamples, "the window is too short for AlexNet-1D's pooling");
            channels = filters;
        }
        ConvolutionLayers = layers;
        FlattenedFeatures = channels * length;

        dense1 = nn.Linear(FlattenedFeatures, DenseUnits);
        dense2 = nn.Linear(DenseUnits, DenseUnits);
        KerasCompatibility.InitializeKerasDefault(dense1, generator);
        KerasCompatibility.InitializeKerasDefault(dense2, generator);
        dropout = nn.Dropout(DenseDropout);
        (detector, classifier) = KerasCompatibility.Heads(DenseUnits, hyperparameters.Initializer, generator);
        RegisterComponents();
    }

    public AlexNetHyperparameters Hyperparameters { get; }

    public override string ArchitectureName => "alexnet";

    public override long? WindowSamples => _windowSamples;

    /// <summary>The five convolutions with their Keras 'same' padding for this window length.</summary>
    public IReadOnlyList<ConvolutionLayer> ConvolutionLayers { get; }

    /// <summary>Batch norm after each convolution's ReLU.</summary>
    public IReadOnlyList<BatchNorm1d> BatchNorms => norms.ToList();

    /// <summary>Whether a pooling layer follows convolution i.</summary>
    public static bool PoolsAfter(int convolution) => ConvSpecs[convolution].PoolAfter;

    /// <summary>Features entering the first dense layer (channels × samples after the last pooling).</summary>
    public long FlattenedFeatures { get; }

    public Linear Dense1 => dense1;

    public Linear Dense2 => dense2;

    public override Linear DetectorHead => detector;

    public override Linear ClassifierHead => classifier;

    public override HeadLogits forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = ToChannelsFirst(input);
        for (var i = 0; i < ConvolutionLayers.Count; i++)
        {
            var layer = ConvolutionLayers[i];
            x = nn.functional.pad(x, (layer.PadLeftSamples, layer.PadRightSamples));
            x = norms[i].Normalize(nn.functional.relu(layer.Conv.forward(x)));
            if (ConvSpecs[i].PoolAfter)
                x = Pool(x);
        }
        // Flattened channel-major ([batch, channels, samples]); Keras flattens [batch, samples, channels]
        // sample-major. Only the order of dense1's inputs differs; it matters only to import Keras weights.
        x = x.flatten(1);
        x = dropout.forward(nn.functional.relu(dense1.forward(x)));
        x = dropout.forward(nn.functional.relu(dense2.forward(x)));
        var logits = new HeadLogits(detector.forward(x), classifier.forward(x));
        logits.Detector.MoveToOuterDisposeScope();
        logits.Classifier.MoveToOuterDisposeScope();
        return logits;
    }

    public override long MultiplyAccumulatesPerWindow(long windowSamples)
    {
        var total = 0L;
        var channels = (long)Channels;
        var length = windowSamples;
        foreach (var (filters, kernel, stride, poolAfter) in ConvSpecs)
        {
            length = (length + stride - 1) / stride;
            total += length * filters * channels * kernel;
            if (poolAfter)
                length = PooledLength(length);
            channels = filters;
        }
        return total + channels * length * DenseUnits + (long)DenseUnits * DenseUnits + 2L * DenseUnits;
    }

    private static long PooledLength(long length) => (length - PoolSizeSamples) / PoolStrideSamples + 1;

    private Tensor Pool(Tensor x) => Hyperparameters.PoolType == PoolType.Max
        ? nn.functional.max_pool1d(x, PoolSizeSamples, PoolStrideSamples)
        : nn.functional.avg_pool1d(x, PoolSizeSamples, PoolStrideSamples);
}
