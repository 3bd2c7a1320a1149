using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Classifier.Processing;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Operations;
using Seismic.Hosting;
using Seismic.Inference.Models;

namespace Seismic.Classifier.Consumers;

/// <summary>Classifies a segment's beams with the active model and publishes the windows and the events.</summary>
public sealed partial class BeamsFormedConsumer(
    ActiveModel activeModel, SegmentClassifier classifier, IMessageDataRepository repository, PipelineMetrics metrics, TimeProvider clock,
    ILogger<BeamsFormedConsumer> logger)
    : IConsumer<BeamsFormed>
{
    public async Task Consume(ConsumeContext<BeamsFormed> context)
    {
        var segment = context.Message;
        SegmentVerdict verdict;
        float[][] beams = [];
        try
        {
            beams = BeamPayload.Decode(await segment.Beams.Read($"beams of segment {segment.SegmentId}"), segment.BeamNames.Count, segment.SampleCount);
            verdict = activeModel.Use(model => classifier.Classify(segment, beams, model));
        }
        catch (InvalidDataException badPayload)
        {
            verdict = SegmentVerdict.Refused(badPayload.Message);
        }

        if (verdict.Problem is { } problem)
        {
            LogRefused(segment.SegmentId, problem);
            await context.Publish(new StageFailed
            {
                Stage = PipelineStage.Classifier,
                SubjectId = segment.SegmentId,
                MessageType = nameof(BeamsFormed),
                Reason = problem,
                BackfillId = segment.BackfillId,
                FailedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
            return;
        }

        foreach (var decision in verdict.Events)
            await context.Publish(decision);
        await context.Publish(verdict.Windows!);
        // After the rows' messages: the pictures drawn from these never hold up a report.
        foreach (var evidence in verdict.Evidence)
            await context.Publish(await Gathered(segment, beams, evidence, verdict.Windows!.WindowLengthSeconds, context.CancellationToken));
        metrics.WindowsClassified(verdict.Windows!.Windows.Count);
        foreach (var decision in verdict.Events)
            metrics.EventClassified(decision.Label.ToString());
        LogClassified(segment.SegmentId, verdict.Windows!.Windows.Count, verdict.Events.Count);
    }

    private async Task<EventEvidenceGathered> Gathered(
        BeamsFormed segment, float[][] beams, EventEvidence evidence, double windowLengthS, CancellationToken cancellationToken)
    {
        var excerpt = beams.Select(beam => beam.AsSpan(evidence.FirstSample, evidence.SampleCount).ToArray()).ToList();
        var decision = evidence.Decision;
        return new EventEvidenceGathered
        {
            EventId = decision.EventId,
            SegmentId = segment.SegmentId,
            ArrayCode = segment.ArrayCode,
            Model = decision.Model,
            Label = decision.Label,
            MeanDetectorProbability = decision.MeanDetectorProbability,
            MeanClassifierProbability = decision.MeanClassifierProbability,
            DetectorThreshold = evidence.DetectorThreshold,
            OnsetUtc = decision.OnsetUtc,
            WindowLengthSeconds = windowLengthS,
            Windows = evidence.Windows,
            BeamsStartUtc = segment.StartUtc.AddSeconds(evidence.FirstSample / segment.SampleRateHz),
            SampleRateHz = segment.SampleRateHz,
            SampleCount = evidence.SampleCount,
            BeamNames = segment.BeamNames,
            Beams = await repository.PutBytes(BeamPayload.Encode(excerpt), cancellationToken),
            BackfillId = segment.BackfillId,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {SegmentId} not classified: {Problem}")]
    private partial void LogRefused(string segmentId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {SegmentId}: {WindowCount} windows, {EventCount} events")]
    private partial void LogClassified(string segmentId, int windowCount, int eventCount);
}
