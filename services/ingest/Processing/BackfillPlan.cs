namespace Seismic.Ingest.Processing;

/// <summary>
/// One segment of a backfill: the beams span [StartUtc, EndUtc]. Grid segments of continuous data report the
/// windows starting in [OwnedFromUtc, OwnedUntilUtc); a segment cut around a known event names it and reports all.
/// </summary>
public sealed record PlannedSegment(
    string SegmentId, DateTime StartUtc, DateTime EndUtc, DateTime? OwnedFromUtc, DateTime? OwnedUntilUtc, string? KnownEventId);

/// <summary>Either the segments a backfill request is cut into, or why it cannot be done.</summary>
public sealed record BackfillPlan(IReadOnlyList<PlannedSegment> Segments, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>Known events that could not be given a segment, and why (no pick at the array and no origin).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
