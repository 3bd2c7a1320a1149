using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Classifier.Processing;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Operations;
using Seismic.Inference.Models;

namespace Seismic.Classifier.Consumers;

/// <summary>Classifies a segment's beams with the active model and publishes the windows and the events.</summary>
public sealed partial class BeamsFormedConsumer(ActiveModel activeModel, SegmentClassifier classifier, TimeProvider clock, ILogger<BeamsFormedConsumer> logger)
    : IConsumer<BeamsFormed>
{
    public async Task Consume(ConsumeContext<BeamsFormed> context)
    {
        var segment = context.Message;
        SegmentVerdict verdict;
        try
        {
            var beams = BeamPayload.Decode(await segment.Beams.Value, segment.BeamNames.Count, segment.SampleCount);
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
        LogClassified(segment.SegmentId, verdict.Windows!.Windows.Count, verdict.Events.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {SegmentId} not classified: {Problem}")]
    private partial void LogRefused(string segmentId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {SegmentId}: {WindowCount} windows, {EventCount} events")]
    private partial void LogClassified(string segmentId, int windowCount, int eventCount);
}
