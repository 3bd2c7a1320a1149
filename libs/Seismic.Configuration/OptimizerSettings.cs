using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

public enum OptimizerName
{
    Adam,
}

/// <summary>
/// Optimizer and learning-rate schedule: cosine annealing from <see cref="MaxLr"/> down to
/// <see cref="MinLr"/> over the epochs after the warm-up.
/// </summary>
public sealed record OptimizerSettings : IValidatable
{
    public required OptimizerName Name { get; init; }

    public required int MaxEpochs { get; init; }

    /// <summary>Training batch size, samples.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Peak learning rate, reached at the end of the warm-up (or at epoch 0 without one).</summary>
    public required double MaxLr { get; init; }

    /// <summary>Learning rate at the start of the warm-up and at the end of the cosine decay.</summary>
    public required double MinLr { get; init; }

    public required double WeightDecay { get; init; }

    public required WarmupSettings Warmup { get; init; }

    /// <summary>Epochs of linear warm-up: int(fraction · max_epochs) when enabled, else 0.</summary>
    public int WarmupEpochs => Warmup.Enabled ? (int)(Warmup.Fraction * MaxEpochs) : 0;

    void IValidatable.Validate(Validator validator)
    {
        validator.AtLeastOne(MaxEpochs, nameof(MaxEpochs));
        validator.AtLeastOne(BatchSize, nameof(BatchSize));
        validator.Positive(MaxLr, nameof(MaxLr));
        validator.NotNegative(MinLr, nameof(MinLr));
        validator.Require(
            MinLr <= MaxLr,
            nameof(MinLr),
            $"must not exceed max_lr ({Validator.Format(MaxLr)}), got {Validator.Format(MinLr)}");
        validator.NotNegative(WeightDecay, nameof(WeightDecay));
    }
}

public sealed record WarmupSettings : IValidatable
{
    public required bool Enabled { get; init; }

    /// <summary>Share of max_epochs spent warming up.</summary>
    public required double Fraction { get; init; }

    void IValidatable.Validate(Validator validator) => validator.Fraction(Fraction, nameof(Fraction));
}
