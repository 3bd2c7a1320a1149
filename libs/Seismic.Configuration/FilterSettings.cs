using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

public enum BeamFilterType
{
    Bandpass,
    Highpass,
}

/// <summary>Signal processing around beamforming, in the order it is applied.</summary>
public sealed record FilterSettings : IValidatable
{
    /// <summary>Remove each trace's mean before filtering (the seed's key was "detrend", but it removed the mean).</summary>
    public required bool Demean { get; init; }

    /// <summary>Cosine taper applied to the raw traces before the pre-beam high-pass.</summary>
    public required SignalTaperSettings Taper { get; init; }

    /// <summary>Corner of the high-pass applied to the raw traces before resampling and beamforming, Hz.</summary>
    public required double PreBeamHighpassHz { get; init; }

    /// <summary>Filter applied to the beams.</summary>
    public required BeamFilterSettings BeamFilter { get; init; }

    void IValidatable.Validate(Validator validator) => validator.Positive(PreBeamHighpassHz, nameof(PreBeamHighpassHz));
}

public sealed record SignalTaperSettings : IValidatable
{
    public required bool Enabled { get; init; }

    /// <summary>Longest taper at each end of a trace, seconds.</summary>
    public required double MaxLengthS { get; init; }

    void IValidatable.Validate(Validator validator) => validator.Positive(MaxLengthS, nameof(MaxLengthS));
}

/// <summary>The beam filter: <see cref="Type"/> selects which of the two parameter sets applies; both are validated.</summary>
public sealed record BeamFilterSettings
{
    public required BeamFilterType Type { get; init; }

    public required BandpassSettings Bandpass { get; init; }

    public required HighpassSettings Highpass { get; init; }
}

/// <summary>Butterworth band-pass.</summary>
public sealed record BandpassSettings : IValidatable
{
    /// <summary>Lower corner, Hz.</summary>
    public required double MinHz { get; init; }

    /// <summary>Upper corner, Hz; must stay below the Nyquist frequency of the beams.</summary>
    public required double MaxHz { get; init; }

    /// <summary>Filter order (ObsPy "corners").</summary>
    public required int Corners { get; init; }

    /// <summary>Filter forwards and backwards (no phase shift, doubled order) instead of causally.</summary>
    public required bool ZeroPhase { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.Positive(MinHz, nameof(MinHz));
        validator.Positive(MaxHz, nameof(MaxHz));
        if (MinHz > 0 && MaxHz > 0)
        {
            validator.Require(
                MinHz < MaxHz,
                nameof(MinHz),
                $"must be below max_hz ({Validator.Format(MaxHz)}), got {Validator.Format(MinHz)}");
        }

        validator.AtLeastOne(Corners, nameof(Corners));
    }
}

/// <summary>Butterworth high-pass.</summary>
public sealed record HighpassSettings : IValidatable
{
    /// <summary>Corner frequency, Hz.</summary>
    public required double FreqHz { get; init; }

    /// <summary>Filter order (ObsPy "corners").</summary>
    public required int Corners { get; init; }

    /// <summary>Filter forwards and backwards (no phase shift, doubled order) instead of causally.</summary>
    public required bool ZeroPhase { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.Positive(FreqHz, nameof(FreqHz));
        validator.AtLeastOne(Corners, nameof(Corners));
    }
}
