using Seismic.Training.Loss;

namespace Seismic.Training.Optimization;

/// <summary>Optimizer and loss settings of <see cref="TrainingStep"/>; the defaults are the seed's (SPEC.md §2, optimizer).</summary>
public sealed record TrainingOptions
{
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Decoupled weight decay (Keras' Adam weight_decay, which is torch's AdamW, not torch Adam's L2 term).</summary>
    public double WeightDecay { get; init; } = 1e-6;

    /// <summary>Keras' Adam epsilon (torch's default is 1e-8).</summary>
    public double Epsilon { get; init; } = 1e-7;

    public BinaryClassWeights DetectorWeights { get; init; } = BinaryClassWeights.Equal;

    public BinaryClassWeights ClassifierWeights { get; init; } = BinaryClassWeights.Equal;

    /// <summary>Seeds torch's global generator, which dropout draws from.</summary>
    public long Seed { get; init; } = 42;
}
