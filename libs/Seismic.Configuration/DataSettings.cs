using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>Which labelled events make up the dataset and how it is split.</summary>
public sealed record DataSettings : IValidatable
{
    /// <summary>Keep "induced or triggered" events, labelled as earthquakes.</summary>
    public required bool IncludeInduced { get; init; }

    /// <summary>Events before this UTC date are left out.</summary>
    public required DateOnly FirstDate { get; init; }

    /// <summary>Seed of the dataset split and of every other random choice in training.</summary>
    public required int Seed { get; init; }

    /// <summary>Share of the samples used for training.</summary>
    public required double TrainFraction { get; init; }

    /// <summary>Share of the non-training samples used for validation; the rest is the test set.</summary>
    public required double ValFractionOfRest { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.Fraction(TrainFraction, nameof(TrainFraction));
        validator.Fraction(ValFractionOfRest, nameof(ValFractionOfRest));
    }
}
