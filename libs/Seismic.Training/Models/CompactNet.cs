using Seismic.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seismic.Training.Models;

/// <summary>
/// This project's small network for CPU inference: a strided stem convolution, depthwise-separable blocks
/// (depthwise conv with stride 2, then pointwise conv; each followed by batch norm and ReLU), global average
/// pooling over time, dropout, and the two heads. With no flatten it takes windows of any length; with the
/// default hyperparameters it has about 70 k parameters and needs about 33 MFLOP per 9601-sample window,
/// against 331 M parameters for AlexNet-1D.
/// </summary>
public sealed class CompactNet : TwoHeadNetwork
{
    public const long StrideSamples = 2;

    private readonly Conv1d stem;
    private readonly BatchNorm1d stemNorm;
    private readonly ModuleList<Conv1d> depthwise = new();
    private readonly ModuleList<BatchNorm1d> depthwiseNorms = new();
    private readonly ModuleList<Conv1d> pointwise = new();
    private readonly ModuleList<BatchNorm1d> pointwiseNorms = new();
    private readonly Dropout dropout;
    private readonly Linear detector;
    private readonly Linear classifier;

    public CompactNet(CompactHyperparameters hyperparameters, Generator? generator = null) : base(nameof(CompactNet))
    {
        // The settings loader checks every value; this one would silently shift the output if it slipped through.
        if (hyperparameters.KernelSize % 2 == 0)
            throw new ArgumentException($"kernel_size must be odd, got {hyperparameters.KernelSize}", nameof(hyperparameters));
        Hyperparameters = hyperparameters;
        var kernel = hyperparameters.KernelSize;
        var padding = PaddingSamples;

        // No conv bias wherever batch norm follows: its shift makes the bias redundant.
        stem = nn.Conv1d(Channels, hyperparameters.StemFilters, kernel, stride: StrideSamples, padding: padding, bias: false);
        KerasCompatibility.Initialize(stem, hyperparameters.Initializer, generator);
        stemNorm = Norm(hyperparameters.StemFilters);

        long channels = hyperparameters.StemFilters;
        foreach (var filters in hyperparameters.BlockFilters)
        {
            var spatial = nn.Conv1d(channels, channels, kernel, stride: StrideSamples, padding: padding, groups: channels, bias: false);
            var mixing = nn.Conv1d(channels, filters, 1, bias: false);
            KerasCompatibility.Initialize(spatial, hyperparameters.Initializer, generator);
            KerasCompatibility.Initialize(mixing, hyperparameters.Initializer, generator);
            depthwise.Add(spatial);
            depthwiseNorms.Add(Norm(channels));
            pointwise.Add(mixing);
            pointwiseNorms.Add(Norm(filters));
            channels = filters;
        }

        dropout = nn.Dropout(hyperparameters.Dropout);
        (detector, classifier) = KerasCompatibility.Heads(channels, hyperparameters.Initializer, generator);
        RegisterComponents();
    }

    public CompactHyperparameters Hyperparameters { get; }

    /// <summary>
    /// Batch norm with torch's default momentum (0.1), not Keras's 0.99 that the seed's models keep: with 0.99
    /// the running statistics that inference uses need hundreds of batches to settle, more than a small
    /// dataset or the demo gives, and the network then classifies well in training and not at all in use.
    /// </summary>
    private static BatchNorm1d Norm(long features) => nn.BatchNorm1d(features, eps: KerasCompatibility.BatchNormEpsilon, momentum: 0.1);

    public override string ArchitectureName => "compact";

    public override long? WindowSamples => null;

    /// <summary>Symmetric padding of the stem and depthwise convolutions, samples.</summary>
    public long PaddingSamples => Hyperparameters.KernelSize / 2;

    /// <summary>The convolutions in order, each followed by its batch norm and a ReLU: stem, then depthwise and pointwise per block.</summary>
    public IReadOnlyList<(ConvolutionLayer Layer, BatchNorm1d Norm)> ConvolutionLayers
    {
        get
        {
            var layers = new List<(ConvolutionLayer, BatchNorm1d)> { (new ConvolutionLayer(stem, PaddingSamples, PaddingSamples, StrideSamples), stemNorm) };
            for (var i = 0; i < depthwise.Count; i++)
            {
                var spatial = depthwise[i];
                layers.Add((new ConvolutionLayer(spatial, PaddingSamples, PaddingSamples, StrideSamples, spatial.weight!.shape[0]), depthwiseNorms[i]));
                layers.Add((new ConvolutionLayer(pointwise[i], 0, 0, 1), pointwiseNorms[i]));
            }
            return layers;
        }
    }

    public override Linear DetectorHead => detector;

    public override Linear ClassifierHead => classifier;

    public override HeadLogits forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = ToChannelsFirst(input);
        x = nn.functional.relu(stemNorm.forward(stem.forward(x)));
        for (var i = 0; i < depthwise.Count; i++)
        {
            x = nn.functional.relu(depthwiseNorms[i].forward(depthwise[i].forward(x)));
            x = nn.functional.relu(pointwiseNorms[i].forward(pointwise[i].forward(x)));
        }
        x = dropout.forward(x.mean([2]));
        var logits = new HeadLogits(detector.forward(x), classifier.forward(x));
        logits.Detector.MoveToOuterDisposeScope();
        logits.Classifier.MoveToOuterDisposeScope();
        return logits;
    }

    public override long MultiplyAccumulatesPerWindow(long windowSamples)
    {
        var kernel = (long)Hyperparameters.KernelSize;
        var length = StridedLength(windowSamples);
        long channels = Hyperparameters.StemFilters;
        var total = length * channels * Channels * kernel;
        foreach (var filters in Hyperparameters.BlockFilters)
        {
            length = StridedLength(length);
            total += length * channels * kernel + length * channels * filters;
            channels = filters;
        }
        return total + 2 * channels;
    }

    private long StridedLength(long length) => (length + 2 * PaddingSamples - Hyperparameters.KernelSize) / StrideSamples + 1;
}
