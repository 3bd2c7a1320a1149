namespace Seismic.Contracts.Ingest;

/// <summary>
/// Command the ingest worker sends itself: go on with a backfill from segment <see cref="NextSegment"/>. A long
/// backfill is read a bounded number of segments per message, so no message is held for hours, and a crashed
/// worker resumes from the last continuation instead of the start (segments already published are recognised
/// downstream by their ids).
/// </summary>
public sealed record ContinueBackfill
{
    /// <summary>The original request, as accepted.</summary>
    public required BackfillInterval Request { get; init; }

    /// <summary>Index into the backfill's plan of the first segment still to read.</summary>
    public required int NextSegment { get; init; }

    public required int SegmentsPublished { get; init; }

    public required int SegmentsEmpty { get; init; }

    public required int SegmentsFailed { get; init; }

    /// <summary>Problems met so far, in words (capped).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
