using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;
using Seismic.Ingest.Processing;

namespace Seismic.Ingest.Consumers;

/// <summary>
/// Accepts or refuses a backfill request. A refused request ends as <see cref="StageFailed"/> with the
/// reason; an accepted one is announced with its segment count.
/// </summary>
public sealed partial class BackfillIntervalConsumer(BackfillPlanner planner, TimeProvider clock, ILogger<BackfillIntervalConsumer> logger)
    : IConsumer<BackfillInterval>
{
    public async Task Consume(ConsumeContext<BackfillInterval> context)
    {
        var request = context.Message;
        var plan = planner.Plan(request.ArrayCode, request.StartUtc, request.EndUtc);
        var now = clock.GetUtcNow().UtcDateTime;

        if (!plan.IsValid)
        {
            var reason = "Backfill refused: " + string.Join("; ", plan.Problems);
            LogRefused(request.BackfillId, string.Join("; ", plan.Problems));
            await context.Publish(new StageFailed
            {
                Stage = PipelineStage.Ingest,
                SubjectId = request.BackfillId.ToString(),
                MessageType = nameof(BackfillInterval),
                Reason = reason,
                BackfillId = request.BackfillId,
                FailedAtUtc = now,
            });
            return;
        }

        LogAccepted(request.BackfillId, request.ArrayCode, request.StartUtc, request.EndUtc, plan.Segments.Count, request.RequestedBy);
        await context.Publish(new BackfillProgressed
        {
            BackfillId = request.BackfillId,
            ArrayCode = request.ArrayCode,
            SegmentsTotal = plan.Segments.Count,
            SegmentsCompleted = 0,
            SegmentsFailed = 0,
            ReportedAtUtc = now,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill {BackfillId} refused: {Problems}")]
    private partial void LogRefused(Guid backfillId, string problems);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Backfill {BackfillId} of {ArrayCode} from {StartUtc:O} to {EndUtc:O}: {SegmentCount} segments, requested by {RequestedBy}")]
    private partial void LogAccepted(Guid backfillId, string arrayCode, DateTime startUtc, DateTime endUtc, int segmentCount, string requestedBy);
}
