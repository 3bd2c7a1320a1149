using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>
/// Training-only augmentation, applied to each batch before scaling in the order of the properties.
/// Each probability is the share of a batch's samples that get the augmentation.
/// </summary>
public sealed record AugmentSettings
{
    public required NoiseAugmentSettings AddNoise { get; init; }

    public required TaperAugmentSettings Taper { get; init; }

    public required GapAugmentSettings AddGap { get; init; }

    public required ZeroChannelAugmentSettings ZeroChannel { get; init; }
}

/// <summary>Adds Gaussian noise.</summary>
public sealed record NoiseAugmentSettings : IValidatable
{
    public required bool Enabled { get; init; }

    public required double Probability { get; init; }

    /// <summary>Noise standard deviation as a multiple of the sample's own standard deviation (the seed ignored its noise_std and used 1).</summary>
    public required double StdRatio { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.Probability(Probability, nameof(Probability));
        validator.NotNegative(StdRatio, nameof(StdRatio));
    }
}

/// <summary>Multiplies the sample by a Tukey window.</summary>
public sealed record TaperAugmentSettings : IValidatable
{
    public required bool Enabled { get; init; }

    public required double Probability { get; init; }

    /// <summary>Tukey shape parameter: the tapered share of the window, half at each end (0 = none, 1 = Hann).</summary>
    public required double Alpha { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.Probability(Probability, nameof(Probability));
        validator.Require(Alpha is >= 0 and <= 1, nameof(Alpha), $"must be within [0, 1], got {Validator.Format(Alpha)}");
    }
}

/// <summary>Zeroes a random stretch of the sample.</summary>
public sealed record GapAugmentSettings : IValidatable
{
    public required bool Enabled { get; init; }

    public required double Probability { get; init; }

    /// <summary>Longest gap as a share of the window length.</summary>
    public required double MaxFraction { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.Probability(Probability, nameof(Probability));
        validator.Fraction(MaxFraction, nameof(MaxFraction));
    }
}

/// <summary>Zeroes one randomly chosen channel.</summary>
public sealed record ZeroChannelAugmentSettings : IValidatable
{
    public required bool Enabled { get; init; }

    public required double Probability { get; init; }

    void IValidatable.Validate(Validator validator) => validator.Probability(Probability, nameof(Probability));
}
