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

    public required DetectionSettings Detection { get; init; }

    public required ReportSettings Reports { get; init; }

    public required PathSettings Paths { get; init; }

    /// <summary>
    /// Smallest source.segment_overlap_s continuous detection works with: one window, plus the windows before a
    /// segment's owned span that tell whether an event starts in it, less the one step that adjacent owned
    /// spans share as a boundary.
    /// </summary>
    public double MinimumSegmentOverlapS => Window.LengthS + DetectionLookBackS - Window.StepS;

    /// <summary>
    /// How far before a window continuous detection must see to know whether an event starts there: the
    /// windows that could still join it to an earlier run, (detection.merge_gap_windows + 1) × window.step_s.
    /// </summary>
    public double DetectionLookBackS => (Detection.MergeGapWindows + 1) * Window.StepS;

    /// <summary>Live ingest's SeedLink state file: source.live_state_path, or output_dir/live/seedlink.state.</summary>
    public string LiveStatePath => Source.LiveStatePath ?? Path.Combine(Paths.OutputDir, "live", "seedlink.state");

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

        // Each window start must fall in exactly one segment's owned span, and a segment must see the windows
        // before its span that decide whether an event starts in it: see SegmentGrid.
        var minimumOverlapS = MinimumSegmentOverlapS;
        if (Source.SegmentLengthS < Window.LengthS)
        {
            return;
        }

        if (Source.SegmentOverlapS >= Source.SegmentLengthS)
        {
            validator.Fail(
                "source.segment_overlap_s",
                $"must be shorter than segment_length_s ({Validator.Format(Source.SegmentLengthS)}), got {Validator.Format(Source.SegmentOverlapS)}");
        }
        else if (Source.SegmentOverlapS < minimumOverlapS)
        {
            validator.Fail(
                "source.segment_overlap_s",
                $"must be at least {Validator.Format(minimumOverlapS)} s: window.length_s ({Validator.Format(Window.LengthS)}) plus the detection's look-back of (detection.merge_gap_windows + 1) steps of window.step_s, minus one step; got {Validator.Format(Source.SegmentOverlapS)}");
        }
        else if (Window.StepS > 0 && Math.Abs(Source.SegmentStrideS / Window.StepS - Math.Round(Source.SegmentStrideS / Window.StepS)) > 1e-6)
        {
            validator.Fail(
                "source.segment_overlap_s",
                $"segment_length_s - segment_overlap_s ({Validator.Format(Source.SegmentStrideS)} s) must be a whole number of window.step_s ({Validator.Format(Window.StepS)} s), so that every segment's windows lie on one grid");
        }
    }

    /// <summary>
    /// These settings with every relative path (paths.*, array.inventory_path, source.catalog_uri, a source.uri
    /// of the form sds://relative or file://relative) made absolute against <paramref name="baseDirectory"/>, the
    /// settings file's folder: a command started elsewhere must find the same models and reports.
    /// </summary>
    public SeismicSettings RelativeTo(string baseDirectory)
    {
        string Resolve(string path) => Path.GetFullPath(path, baseDirectory);
        string? ResolveLocation(string? location) => Locations.Resolve(location, baseDirectory);

        return this with
        {
            Paths = Paths with
            {
                DataDir = Resolve(Paths.DataDir),
                OutputDir = Resolve(Paths.OutputDir),
                ModelsDir = Resolve(Paths.ModelsDir),
                ReportsDir = Resolve(Paths.ReportsDir),
            },
            Array = Array with { InventoryPath = ResolveLocation(Array.InventoryPath) },
            Source = Source with
            {
                Uri = ResolveLocation(Source.Uri)!,
                CatalogUri = ResolveLocation(Source.CatalogUri),
                LiveStatePath = Source.LiveStatePath is null ? null : Resolve(Source.LiveStatePath),
            },
        };
    }
}
