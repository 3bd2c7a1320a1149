namespace Seismic.Contracts.Reports;

/// <summary>
/// Event: the reporter drew (or could not draw) the picture of an event from its
/// <see cref="Classification.EventEvidenceGathered"/>. The event's rows do not wait for it.
/// </summary>
public sealed record EventPictureWritten
{
    public required string EventId { get; init; }

    public required string SegmentId { get; init; }

    /// <summary>The animated GIF, as the reporter's host sees it; null when no picture was written.</summary>
    public string? Path { get; init; }

    /// <summary>Why no picture was written; null when one was.</summary>
    public string? Problem { get; init; }

    public Guid? BackfillId { get; init; }

    public required DateTime WrittenAtUtc { get; init; }
}
