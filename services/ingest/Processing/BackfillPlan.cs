namespace Seismic.Ingest.Processing;

/// <summary>One segment of a backfill, [StartUtc, EndUtc).</summary>
public sealed record PlannedSegment(string SegmentId, DateTime StartUtc, DateTime EndUtc);

/// <summary>
/// Either the segments a backfill request is cut into, or why it cannot be done.
/// </summary>
public sealed record BackfillPlan(IReadOnlyList<PlannedSegment> Segments, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
