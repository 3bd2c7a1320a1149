namespace Seismic.Contracts.Ingest;

/// <summary>Event: a backfill moved on. Published when it is planned and as segments finish.</summary>
public sealed record BackfillProgressed
{
    public required Guid BackfillId { get; init; }

    public required string ArrayCode { get; init; }

    public required int SegmentsTotal { get; init; }

    public required int SegmentsCompleted { get; init; }

    public required int SegmentsFailed { get; init; }

    /// <summary>Segments for which the source held no data (counted in <see cref="SegmentsCompleted"/> too).</summary>
    public int SegmentsEmpty { get; init; }

    /// <summary>End of the last segment handed on, UTC; null before the first.</summary>
    public DateTime? ProcessedUntilUtc { get; init; }

    public required DateTime ReportedAtUtc { get; init; }
}
