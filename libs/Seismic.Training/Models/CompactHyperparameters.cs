using Seismic.Configuration;

namespace Seismic.Training.Models;

/// <summary>
/// Hyperparameters of <see cref="CompactNet"/>, meant for config/models/compact.yaml (keys: architecture,
/// stem_filters, block_filters, kernel_size, dropout, initializer). Kept here until Seismic.Configuration
/// loads that file; <see cref="Validate"/> holds the checks its loader should make.
/// </summary>
public sealed record CompactHyperparameters : ModelHyperparameters
{
    /// <summary>Filters of the stem, a plain strided convolution over the 3 beams.</summary>
    public required int StemFilters { get; init; }

    /// <summary>Output filters of each depthwise-separable block; each block halves the length.</summary>
    public required IReadOnlyList<int> BlockFilters { get; init; }

    /// <summary>Kernel of the stem and of every depthwise convolution, samples; odd, so padding is symmetric.</summary>
    public required int KernelSize { get; init; }

    /// <summary>Dropout rate before the heads.</summary>
    public required double Dropout { get; init; }

    /// <summary>Initializer of every convolution and of the heads.</summary>
    public required WeightInitializer Initializer { get; init; }

    /// <summary>The values this project trains with: about 70 k parameters and 33 MFLOP per 9601-sample window.</summary>
    public static CompactHyperparameters Default { get; } = new()
    {
        Architecture = ModelArchitecture.Compact,
        StemFilters = 16,
        BlockFilters = [32, 64, 64, 128, 128, 256],
        KernelSize = 7,
        Dropout = 0.1,
        Initializer = WeightInitializer.GlorotUniform,
    };

    /// <exception cref="ArgumentException">A value is out of range; the message names its key.</exception>
    public void Validate()
    {
        if (Architecture != ModelArchitecture.Compact)
            throw new ArgumentException($"architecture: must be compact, got {Architecture}");
        if (StemFilters < 1)
            throw new ArgumentException($"stem_filters: must be at least 1, got {StemFilters}");
        if (BlockFilters.Count == 0 || BlockFilters.Any(f => f < 1))
            throw new ArgumentException("block_filters: must list at least one block, each of at least 1 filter");
        if (KernelSize < 1 || KernelSize % 2 == 0)
            throw new ArgumentException($"kernel_size: must be odd and at least 1, got {KernelSize}");
        if (Dropout is < 0 or >= 1)
            throw new ArgumentException($"dropout: must be within [0, 1), got {Dropout}");
    }
}
