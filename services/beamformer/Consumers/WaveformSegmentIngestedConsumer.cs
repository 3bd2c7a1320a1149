using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Beams;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;
using Seismic.Hosting;

namespace Seismic.Beamformer.Consumers;

/// <summary>Forms the three beams of an ingested segment and publishes them, or says why it cannot.</summary>
public sealed partial class WaveformSegmentIngestedConsumer(
    BeamPipeline pipeline, ArrayInventorySource inventory, IMessageDataRepository repository, PipelineMetrics metrics, TimeProvider clock,
    ILogger<WaveformSegmentIngestedConsumer> logger)
    : IConsumer<WaveformSegmentIngested>
{
    public async Task Consume(ConsumeContext<WaveformSegmentIngested> context)
    {
        var segment = context.Message;
        BeamSet beams;
        try
        {
            var waveforms = await segment.Waveforms.Read($"waveforms of segment {segment.SegmentId}");
            var hint = segment.EventHint is { } known
                ? new BackAzimuthHint(known.Picks.Select(p => p.BackAzimuthDeg).ToList(), known.LatitudeDeg, known.LongitudeDeg)
                : null;
            var input = ArraySegmentBuilder.Build(waveforms, inventory.Get(segment.InventoryUri), segment.StartUtc, segment.EndUtc, pipeline.EdgeSeconds, hint, segment.MissingChannels);
            beams = pipeline.Form(input);
        }
        catch (SegmentRejectedException rejected)
        {
            LogRejected(segment.SegmentId, rejected.Message);
            await context.Publish(new StageFailed
            {
                Stage = PipelineStage.Beamformer,
                SubjectId = segment.SegmentId,
                MessageType = nameof(WaveformSegmentIngested),
                Reason = rejected.Message,
                BackfillId = segment.BackfillId,
                FailedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
            return;
        }

        await context.Publish(new BeamsFormed
        {
            SegmentId = segment.SegmentId,
            ArrayCode = segment.ArrayCode,
            StartUtc = beams.StartUtc,
            SampleRateHz = beams.SampleRateHz,
            SampleCount = beams.SampleCount,
            BeamNames = BeamSet.Names,
            BackAzimuthDeg = beams.BackAzimuth.BackAzimuthDeg,
            BackAzimuthSource = ToContract(beams.BackAzimuth.Source),
            FkRelativePower = beams.BackAzimuth.FkRelativePower,
            FkApparentVelocityKmPerS = beams.BackAzimuth.FkApparentVelocityKmPerS,
            PBeamVelocityKmPerS = beams.PVelocityKmPerS,
            SBeamVelocityKmPerS = beams.SVelocityKmPerS,
            SitesUsed = beams.SitesUsed,
            Warnings = beams.Warnings,
            OwnedFromUtc = segment.OwnedFromUtc,
            OwnedUntilUtc = segment.OwnedUntilUtc,
            Arrivals = beams.Arrivals.Select(a => new ArrivalEstimate
            {
                OnsetUtc = a.OnsetUtc,
                BackAzimuthDeg = a.BackAzimuthDeg,
                ApparentVelocityKmPerS = a.ApparentVelocityKmPerS,
                RelativePower = a.RelativePower,
                StaLtaRatio = a.StaLtaRatio,
            }).ToList(),
            BackfillId = segment.BackfillId,
            EventHint = segment.EventHint,
            Beams = await repository.PutBytes(BeamPayload.Encode(beams.InPayloadOrder), context.CancellationToken),
        });
        metrics.SegmentBeamformed();
        LogFormed(segment.SegmentId, beams.BackAzimuth.BackAzimuthDeg, beams.BackAzimuth.Source, beams.SitesUsed.Count, beams.Warnings.Count);
    }

    private static BackAzimuthSource ToContract(SteeringSource source) => source switch
    {
        SteeringSource.Picks => BackAzimuthSource.Picks,
        SteeringSource.Origin => BackAzimuthSource.Origin,
        _ => BackAzimuthSource.FrequencyWavenumber,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {SegmentId} not beamed: {Reason}")]
    private partial void LogRejected(string segmentId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {SegmentId}: beams at {BackAzimuthDeg:F1} deg ({Source}) from {SiteCount} sites, {WarningCount} warnings")]
    private partial void LogFormed(string segmentId, double backAzimuthDeg, SteeringSource source, int siteCount, int warningCount);
}
