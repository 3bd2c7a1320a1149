namespace Seismic.Contracts.Ingest;

/// <summary>Event: every segment of a backfill has either been handed on or failed.</summary>
public sealed record BackfillCompleted
{
    public required Guid BackfillId { get; init; }

    public required string ArrayCode { get; init; }

    public required DateTime StartUtc { get; init; }

    public required DateTime EndUtc { get; init; }

    public required int SegmentsTotal { get; init; }

    public required int SegmentsSucceeded { get; init; }

    public required int SegmentsFailed { get; init; }

    public required DateTime CompletedAtUtc { get; init; }
}
