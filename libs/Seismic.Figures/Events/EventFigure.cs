namespace Seismic.Figures.Events;

/// <summary>What the model said about one input window of an event.</summary>
/// <param name="StartUtc">Start of the window, UTC.</param>
/// <param name="DetectorProbability">Probability that the window holds an event, 0-1.</param>
/// <param name="ClassifierProbability">Probability that the event is an explosion, 0-1.</param>
/// <param name="Label">The window's own three-way label (noise, earthquake, explosion).</param>
public sealed record WindowVerdict(DateTime StartUtc, double DetectorProbability, double ClassifierProbability, string Label);

/// <summary>
/// Everything the picture of one event shows: the beams around it, the windows that voted on it, and the
/// decision. The beams must cover every window (from the first window's start to the last window's end).
/// </summary>
public sealed record EventFigure
{
    public required string EventId { get; init; }

    /// <summary>The event's final label (majority vote of its windows).</summary>
    public required string FinalLabel { get; init; }

    /// <summary>Model name and version, e.g. "compact v3", shown in the title so a picture names its model.</summary>
    public required string ModelId { get; init; }

    /// <summary>Time of the first beam sample, UTC.</summary>
    public required DateTime BeamsStartUtc { get; init; }

    public required double SampleRateHz { get; init; }

    /// <summary>Beam names in the order of <see cref="Beams"/>, e.g. "P-beam, vertical".</summary>
    public required IReadOnlyList<string> BeamNames { get; init; }

    /// <summary>The beams, one array per beam, all of one length.</summary>
    public required IReadOnlyList<float[]> Beams { get; init; }

    public required double WindowLengthS { get; init; }

    /// <summary>The windows that voted, in time order: one frame each.</summary>
    public required IReadOnlyList<WindowVerdict> Windows { get; init; }

    public required double MeanDetectorProbability { get; init; }

    public required double MeanClassifierProbability { get; init; }

    /// <summary>Detector probability from which a window counts as an event (the seed's 0.5).</summary>
    public double DetectorThreshold { get; init; } = 0.5;

    /// <summary>Estimated P onset, UTC, marked on the beams when known.</summary>
    public DateTime? OnsetUtc { get; init; }

    /// <summary>Seconds the beams cover, each sample standing for one sampling interval (as a window of n samples lasts n / rate).</summary>
    public double BeamsDurationS => Beams.Count == 0 ? 0 : Beams[0].Length / SampleRateHz;

    /// <summary>Why the figure cannot be drawn, or null when it can.</summary>
    public string? Problem()
    {
        if (Windows.Count == 0)
            return $"event {EventId} has no windows to show";
        if (Beams.Count == 0 || Beams.Count != BeamNames.Count)
            return $"event {EventId} has {Beams.Count} beams and {BeamNames.Count} beam names";
        if (Beams.Any(beam => beam.Length != Beams[0].Length))
            return $"the beams of event {EventId} are not all of one length";
        if (!(SampleRateHz > 0) || !(WindowLengthS > 0))
            return $"event {EventId} has sample rate {SampleRateHz} Hz and window length {WindowLengthS} s; both must be positive";
        var firstS = (Windows[0].StartUtc - BeamsStartUtc).TotalSeconds;
        var lastEndS = (Windows[^1].StartUtc - BeamsStartUtc).TotalSeconds + WindowLengthS;
        // Half a sample of slack: window starts are rounded to the sample grid.
        var slackS = 0.5 / SampleRateHz;
        if (firstS < -slackS || lastEndS > BeamsDurationS + slackS)
            return $"the beams of event {EventId} ({BeamsStartUtc:O}, {BeamsDurationS:F1} s) do not cover its windows ({Windows[0].StartUtc:O} to {Windows[^1].StartUtc.AddSeconds(WindowLengthS):O})";
        return null;
    }
}
