using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>
/// Continuous detection: how the detector probabilities of consecutive windows become events. A run is a
/// stretch of windows at or above <see cref="OffThreshold"/> (runs separated by at most
/// <see cref="MergeGapWindows"/> windows below it are one) in which at least <see cref="MinWindowsOn"/>
/// windows reach <see cref="OnThreshold"/>: a trigger with hysteresis and a minimum duration.
/// </summary>
public sealed record DetectionSettings : IValidatable
{
    /// <summary>Detector probability a window must reach to start an event.</summary>
    public required double OnThreshold { get; init; }

    /// <summary>Detector probability below which a window is outside every event.</summary>
    public required double OffThreshold { get; init; }

    /// <summary>Fewest windows at or above <see cref="OnThreshold"/> in one event.</summary>
    public required int MinWindowsOn { get; init; }

    /// <summary>Windows below <see cref="OffThreshold"/> that still join two runs into one when there are at most this many in a row.</summary>
    public required int MergeGapWindows { get; init; }

    /// <summary>How far from the end of an event's first window an arrival is taken as its onset, seconds.</summary>
    public required double OnsetSearchS { get; init; }

    /// <summary>
    /// An event's windows vote on earthquake or explosion when its P sits within this many seconds of
    /// window.p_position_s in them: where the model learned to tell the two apart.
    /// </summary>
    public required double VotePToleranceS { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        validator.Probability(OnThreshold, nameof(OnThreshold));
        validator.Probability(OffThreshold, nameof(OffThreshold));
        validator.Require(
            OffThreshold <= OnThreshold,
            nameof(OffThreshold),
            $"must not be above on_threshold ({Validator.Format(OnThreshold)}), got {Validator.Format(OffThreshold)}");
        validator.AtLeastOne(MinWindowsOn, nameof(MinWindowsOn));
        validator.NotNegative(MergeGapWindows, nameof(MergeGapWindows));
        validator.NotNegative(OnsetSearchS, nameof(OnsetSearchS));
        validator.Positive(VotePToleranceS, nameof(VotePToleranceS));
    }
}
