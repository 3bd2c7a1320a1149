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

    /// <summary>Segments for which the source held no data at all (nothing was published for them).</summary>
    public int SegmentsEmpty { get; init; }

    /// <summary>
    /// Why segments failed or the backfill could not run (unreachable source, unknown array, no data at all),
    /// in words; empty when every segment went through.
    /// </summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public required DateTime CompletedAtUtc { get; init; }
}
