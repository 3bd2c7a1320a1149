using MassTransit;
using Seismic.Contracts.Ingest;
using Seismic.Ingest.Processing;

namespace Seismic.Ingest.Publishing;

/// <summary>
/// The one way a segment leaves ingest, backfilled or live: its records by claim check and what each channel
/// holds, so downstream stages cannot tell (and need not care) how it was read.
/// </summary>
public static class IngestedSegments
{
    public static async Task<WaveformSegmentIngested> Message(
        PlannedSegment segment, SegmentData data, string arrayCode, string? inventoryUri, Guid? backfillId, EventHint? eventHint,
        IMessageDataRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(repository);
        return new WaveformSegmentIngested
        {
            SegmentId = segment.SegmentId,
            ArrayCode = arrayCode,
            StartUtc = segment.StartUtc,
            EndUtc = segment.EndUtc,
            OwnedFromUtc = segment.OwnedFromUtc,
            OwnedUntilUtc = segment.OwnedUntilUtc,
            InventoryUri = inventoryUri,
            BackfillId = backfillId,
            Channels = data.Channels.Select(c => new ChannelStatus { SourceId = c.SourceId, SampleRateHz = c.SampleRateHz, SampleCount = c.SampleCount, GapSeconds = c.GapSeconds }).ToList(),
            MissingChannels = data.MissingChannels,
            EventHint = eventHint,
            Waveforms = await repository.PutBytes(data.MiniSeed, cancellationToken),
        };
    }
}
