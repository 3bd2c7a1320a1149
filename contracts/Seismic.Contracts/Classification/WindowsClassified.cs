namespace Seismic.Contracts.Classification;

/// <summary>Event: every window of a segment's beams has been through the model.</summary>
public sealed record WindowsClassified
{
    public required string SegmentId { get; init; }

    public required string ArrayCode { get; init; }

    public required ModelIdentity Model { get; init; }

    /// <summary>Window length, seconds (240 for the seed's models).</summary>
    public required double WindowLengthSeconds { get; init; }

    /// <summary>Seconds between consecutive window starts.</summary>
    public required double WindowStepSeconds { get; init; }

    /// <summary>
    /// One entry per window this segment reports, in time order (in continuous detection, the windows it owns;
    /// the overlap with its neighbours is theirs). A few hundred bytes each, so they travel inline.
    /// </summary>
    public required IReadOnlyList<WindowClassification> Windows { get; init; }

    /// <summary>Number of <see cref="EventClassified"/> published for this segment, so a follower knows when its reports are complete.</summary>
    public int EventCount { get; init; }

    public Guid? BackfillId { get; init; }
}
