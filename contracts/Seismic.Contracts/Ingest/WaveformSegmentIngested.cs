using MassTransit;

namespace Seismic.Contracts.Ingest;

/// <summary>
/// Event: the array's waveforms for one segment are available. Published in live mode when the segment's
/// deadline passes (complete or not) and for each segment of a backfill.
/// </summary>
public sealed record WaveformSegmentIngested
{
    /// <summary>Deterministic identity: array + start + end, so a repeat of the same segment is recognised.</summary>
    public required string SegmentId { get; init; }

    public required string ArrayCode { get; init; }

    public required DateTime StartUtc { get; init; }

    public required DateTime EndUtc { get; init; }

    /// <summary>
    /// Continuous detection: consecutive segments overlap, and windows starting in [<see cref="OwnedFromUtc"/>,
    /// <see cref="OwnedUntilUtc"/>) are this segment's to report (events by their first window), so each window
    /// and event is reported by exactly one segment. Null for a segment cut around a known event.
    /// </summary>
    public DateTime? OwnedFromUtc { get; init; }

    /// <summary>Exclusive end of the window starts this segment reports; see <see cref="OwnedFromUtc"/>.</summary>
    public DateTime? OwnedUntilUtc { get; init; }

    /// <summary>StationXML file with the array's sites for this segment (a backfill's own); null: array.inventory_path.</summary>
    public string? InventoryUri { get; init; }

    /// <summary>Set when the segment belongs to a backfill; null in live mode.</summary>
    public Guid? BackfillId { get; init; }

    /// <summary>Per channel: rate, samples and gaps.</summary>
    public required IReadOnlyList<ChannelStatus> Channels { get; init; }

    /// <summary>Channels the configuration expects that did not arrive before the deadline.</summary>
    public IReadOnlyList<string> MissingChannels { get; init; } = [];

    /// <summary>The known event this segment was cut around, if any.</summary>
    public EventHint? EventHint { get; init; }

    /// <summary>
    /// Live mode only: when the last record the segment needed arrived (or, if it left on its deadline, when the
    /// deadline passed). The pipeline's latency is measured from here to the reporter's rows.
    /// </summary>
    public DateTime? DataCompleteUtc { get; init; }

    /// <summary>Live mode only: true when the segment left on its deadline with channels still missing, false when it was complete.</summary>
    public bool? LeftOnDeadline { get; init; }

    /// <summary>Claim check: the segment's miniSEED records, all channels. Too large for a message body.</summary>
    public required MessageData<byte[]> Waveforms { get; init; }
}
