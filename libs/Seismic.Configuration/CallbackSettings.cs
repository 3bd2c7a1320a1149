using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>Early stopping and learning-rate reduction, both watching the validation total loss.</summary>
public sealed record CallbackSettings : IValidatable
{
    /// <summary>Epochs without improvement before training stops (the best weights are kept).</summary>
    public required int EarlyStoppingPatience { get; init; }

    /// <summary>Epochs without improvement before the learning rate is reduced.</summary>
    public required int ReduceLrPatience { get; init; }

    /// <summary>Factor the learning rate is multiplied by on a plateau.</summary>
    public required double ReduceLrFactor { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.NotNegative(EarlyStoppingPatience, nameof(EarlyStoppingPatience));
        validator.NotNegative(ReduceLrPatience, nameof(ReduceLrPatience));
        validator.Fraction(ReduceLrFactor, nameof(ReduceLrFactor));
    }
}
