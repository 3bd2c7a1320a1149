using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>
/// Every domain setting of the pipeline, bound from config/seismic.yaml by <see cref="SettingsLoader"/>.
/// Each section is the snake_case YAML key of its property (<see cref="Window"/> is "window").
/// </summary>
public sealed record SeismicSettings : IValidatable
{
    public required ArraySettings Array { get; init; }

    public required SourceSettings Source { get; init; }

    /// <summary>The classifier's input window and the beam geometry (the seed's "live" section).</summary>
    public required WindowSettings Window { get; init; }

    public required FilterSettings Filters { get; init; }

    public required ScalingSettings Scaling { get; init; }

    public required AugmentSettings Augment { get; init; }

    public required OptimizerSettings Optimizer { get; init; }

    public required CallbackSettings Callbacks { get; init; }

    public required DataSettings Data { get; init; }

    public required ModelSettings Model { get; init; }

    public required PathSettings Paths { get; init; }

    void IValidatable.Validate(Validator validator)
    {
        var nyquistHz = Window.SampleRateHz / 2;
        var nyquist = $"the Nyquist frequency ({Validator.Format(nyquistHz)} Hz) of window.sample_rate_hz";

        var bandpass = Filters.BeamFilter.Bandpass;
        if (bandpass.MaxHz >= nyquistHz)
        {
            validator.Fail("filters.beam_filter.bandpass.max_hz", $"must be below {nyquist}, got {Validator.Format(bandpass.MaxHz)}");
        }

        var highpass = Filters.BeamFilter.Highpass;
        if (highpass.FreqHz >= nyquistHz)
        {
            validator.Fail("filters.beam_filter.highpass.freq_hz", $"must be below {nyquist}, got {Validator.Format(highpass.FreqHz)}");
        }

        if (Filters.PreBeamHighpassHz >= nyquistHz)
        {
            validator.Fail("filters.pre_beam_highpass_hz", $"must be below {nyquist}, got {Validator.Format(Filters.PreBeamHighpassHz)}");
        }

        // The beamformer turns one segment into beams and the classifier slides its window over them,
        // so a segment shorter than the window could never be classified.
        if (Source.SegmentLengthS < Window.LengthS)
        {
            validator.Fail(
                "source.segment_length_s",
                $"must be at least window.length_s ({Validator.Format(Window.LengthS)}), got {Validator.Format(Source.SegmentLengthS)}");
        }
    }
}
