using Seismic.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seismic.Training.Models;

/// <summary>
/// This project's small network for CPU: a strided stem convolution, depthwise-separable blocks (depthwise conv
/// with stride 2, then pointwise conv; each followed by batch norm and ReLU), averages over
/// <see cref="CompactHyperparameters.TimeSegments"/> consecutive parts of the window, dropout, and the two
/// heads. The segments keep the order of the window, so the heads can weigh what comes before P, the P coda and
/// the S arrival differently; a global average could not tell a P/S ratio or an S−P time. With the default
/// hyperparameters it has about 74 k parameters and needs about 33 MFLOP per 9601-sample window, against 331 M
/// parameters for AlexNet-1D.
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

    private readonly long windowSamples;

    /// <param name="hyperparameters">config/models/compact.yaml.</param>
    /// <param name="windowSamples">The window length, samples: with more than one time segment the network is built for it (the ONNX graph averages each segment with weights for that length).</param>
    /// <param name="generator">Draws the initial weights; null for torch's global generator.</param>
    public CompactNet(CompactHyperparameters hyperparameters, long windowSamples, Generator? generator = null) : base(nameof(CompactNet))
    {
        // The settings loader checks every value; this one would silently shift the output if it slipped through.
        if (hyperparameters.KernelSize % 2 == 0)
            throw new ArgumentException($"kernel_size must be odd, got {hyperparameters.KernelSize}", nameof(hyperparameters));
        Hyperparameters = hyperparameters;
        this.windowSamples = windowSamples;
        if (FeatureSamples(windowSamples) < 1)
            throw new ArgumentException(
                $"a window of {windowSamples} samples is shorter than what the stem and {hyperparameters.BlockFilters.Count} blocks of kernel {hyperparameters.KernelSize} take without padding", nameof(windowSamples));
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
        (detector, classifier) = KerasCompatibility.Heads(channels * hyperparameters.TimeSegments, hyperparameters.Initializer, generator);
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

    /// <summary>Null (any length) with one global average; else the window length it was built for.</summary>
    public override long? WindowSamples => Hyperparameters.TimeSegments == 1 ? null : windowSamples;

    /// <summary>Samples of the last block's output for a window of <paramref name="windowSamples"/>: what the time segments divide.</summary>
    public long FeatureSamples(long windowSamples)
    {
        var length = StridedLength(windowSamples);
        foreach (var _ in Hyperparameters.BlockFilters)
            length = StridedLength(length);
        return length;
    }

    /// <summary>Symmetric padding of the stem and depthwise convolutions, samples: half the kernel (same), or none (valid).</summary>
    public long PaddingSamples => Hyperparameters.Padding == ConvolutionPadding.Valid ? 0 : Hyperparameters.KernelSize / 2;

    /// <summary>
    /// Samples of the input between consecutive features of the last block: every strided convolution doubles it.
    /// With valid padding, feature j of a window that starts at sample s is feature j + s / stride of the segment's
    /// when s is a multiple of it, which is what sliding inference relies on.
    /// </summary>
    public long FeatureStrideSamples => (long)Math.Pow(StrideSamples, 1 + Hyperparameters.BlockFilters.Count);

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
        x = nn.functional.relu(stemNorm.Normalize(stem.forward(x)));
        for (var i = 0; i < depthwise.Count; i++)
        {
            x = nn.functional.relu(depthwiseNorms[i].Normalize(depthwise[i].forward(x)));
            x = nn.functional.relu(pointwiseNorms[i].Normalize(pointwise[i].forward(x)));
        }
        // Torch's adaptive average: segment i spans samples floor(i·L/S) to ceil((i+1)·L/S), as TimeSegmentAverages writes it to ONNX.
        x = dropout.forward(nn.functional.adaptive_avg_pool1d(x, Hyperparameters.TimeSegments).flatten(1));
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
        return total + (2 * channels * Hyperparameters.TimeSegments);
    }

    private long StridedLength(long length) => (length + 2 * PaddingSamples - Hyperparameters.KernelSize) / StrideSamples + 1;
}
