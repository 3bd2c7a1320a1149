using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

public enum PoolType
{
    Max,
    Average,
}

/// <summary>Weight initializer, by its Keras name.</summary>
public enum WeightInitializer
{
    GlorotUniform,
    GlorotNormal,
    HeUniform,
    HeNormal,
}

/// <summary>How the compact network's strided convolutions treat the window's edges.</summary>
public enum ConvolutionPadding
{
    /// <summary>Zeros around the window, so every layer keeps half its input's length (rounded up).</summary>
    Same,

    /// <summary>
    /// No padding: every output sees real samples only, so a window's features are a slice of the features of
    /// the whole segment and the classifier can convolve each segment once instead of each window
    /// (sliding inference, exact to rounding).
    /// </summary>
    Valid,
}

public enum Activation
{
    Relu,
    Elu,
    Gelu,
    Tanh,
}

/// <summary>
/// Hyperparameters of one architecture, bound from config/models/&lt;architecture&gt;.yaml by
/// <see cref="ModelHyperparametersLoader"/>; the file's "architecture" key picks the derived record.
/// </summary>
public abstract record ModelHyperparameters
{
    public required ModelArchitecture Architecture { get; init; }
}

/// <summary>AlexNet-1D: its convolution and dense layers (4096 units, dropout 0.5) are fixed by the architecture.</summary>
public sealed record AlexNetHyperparameters : ModelHyperparameters
{
    public required PoolType PoolType { get; init; }

    /// <summary>Initializer of the detector and classifier heads.</summary>
    public required WeightInitializer Initializer { get; init; }
}

/// <summary>Convolution blocks (conv, batch norm, activation, dropout, pooling) then dense layers, then the two heads.</summary>
public sealed record CnnDenseHyperparameters : ModelHyperparameters, IValidatable
{
    /// <summary>Filters of each convolution block.</summary>
    public required IReadOnlyList<int> Filters { get; init; }

    /// <summary>Kernel size of each convolution block, samples; one per entry of <see cref="Filters"/>.</summary>
    public required IReadOnlyList<int> KernelSizes { get; init; }

    public required Activation Activation { get; init; }

    /// <summary>L2 weight penalty of the convolution and dense kernels.</summary>
    public required double L2 { get; init; }

    /// <summary>Dropout rate after every block and dense layer.</summary>
    public required double Dropout { get; init; }

    public required PoolType PoolType { get; init; }

    /// <summary>Units of each dense layer.</summary>
    public required IReadOnlyList<int> DenseUnits { get; init; }

    public required WeightInitializer Initializer { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.Require(Filters.Count > 0, nameof(Filters), "must list at least one block");
        validator.Require(Filters.All(f => f >= 1), nameof(Filters), "must all be at least 1");
        validator.Require(
            KernelSizes.Count == Filters.Count,
            nameof(KernelSizes),
            $"must have one entry per entry of filters ({Filters.Count}), got {KernelSizes.Count}");
        validator.Require(KernelSizes.All(k => k >= 1), nameof(KernelSizes), "must all be at least 1");
        validator.Require(DenseUnits.All(u => u >= 1), nameof(DenseUnits), "must all be at least 1");
        validator.NotNegative(L2, nameof(L2));
        validator.Require(Dropout is >= 0 and < 1, nameof(Dropout), $"must be within [0, 1), got {Validator.Format(Dropout)}");
    }
}

/// <summary>
/// Seismic's own small network for CPU: a strided stem convolution, depthwise-separable blocks that each
/// halve the length, averaging over a few consecutive time segments of the window, then the two heads.
/// </summary>
public sealed record CompactHyperparameters : ModelHyperparameters, IValidatable
{
    /// <summary>Filters of the stem, a plain strided convolution over the 3 beams.</summary>
    public required int StemFilters { get; init; }

    /// <summary>Output filters of each depthwise-separable block.</summary>
    public required IReadOnlyList<int> BlockFilters { get; init; }

    /// <summary>Kernel of the stem and of every depthwise convolution, samples; odd, so padding is symmetric.</summary>
    public required int KernelSize { get; init; }

    /// <summary>Zero padding at the window's edges (same) or none (valid, which lets the classifier slide the network over a segment).</summary>
    public required ConvolutionPadding Padding { get; init; }

    /// <summary>
    /// Consecutive, equal parts of the window the last features are averaged over before the heads. More than
    /// one keeps where in the window a feature occurs (before P, P, S, coda): the S−P time and the P/S ratio
    /// need that, and a global average loses it. 1 is a global average, which takes windows of any length.
    /// </summary>
    public required int TimeSegments { get; init; }

    /// <summary>Dropout rate before the heads.</summary>
    public required double Dropout { get; init; }

    /// <summary>Initializer of every convolution and of the heads.</summary>
    public required WeightInitializer Initializer { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.Require(StemFilters >= 1, nameof(StemFilters), $"must be at least 1, got {StemFilters}");
        validator.Require(TimeSegments >= 1, nameof(TimeSegments), $"must be at least 1, got {TimeSegments}");
        validator.Require(BlockFilters.Count > 0, nameof(BlockFilters), "must list at least one block");
        validator.Require(BlockFilters.All(f => f >= 1), nameof(BlockFilters), "must all be at least 1");
        validator.Require(KernelSize >= 1 && KernelSize % 2 == 1, nameof(KernelSize), $"must be odd and at least 1, got {KernelSize}");
        validator.Require(Dropout is >= 0 and < 1, nameof(Dropout), $"must be within [0, 1), got {Validator.Format(Dropout)}");
    }
}
