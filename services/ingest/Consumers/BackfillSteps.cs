using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;
using Seismic.Hosting;
using Seismic.Ingest.Processing;
using Seismic.Ingest.Publishing;
using Seismic.Sources;

namespace Seismic.Ingest.Consumers;

/// <summary>
/// The work of one <see cref="ContinueBackfill"/>: read a bounded number of segments from the source, publish each
/// that holds data as <see cref="WaveformSegmentIngested"/> (waveforms by claim check), then either ask for the
/// next step or announce <see cref="BackfillCompleted"/>. The plan is computed again from the request each time:
/// it is a pure function of it, so nothing but the message itself has to survive a restart.
/// </summary>
public sealed partial class BackfillSteps(
    BackfillPlanner planner, BackfillInputs inputs, CatalogHints catalogHints, SegmentReader reader, IMessageDataRepository repository,
    PipelineMetrics metrics, TimeProvider clock, ILogger<BackfillSteps> logger)
{
    /// <summary>
    /// Segments read per message: minutes of work at most, so no message is held for hours (RabbitMQ's consumer
    /// timeout) and a restart repeats little.
    /// </summary>
    public const int SegmentsPerMessage = 24;

    /// <summary>Problems carried along and reported at the end; the rest are counted.</summary>
    private const int MaximumProblems = 20;

    /// <summary>The request's known events, or null for continuous detection (no hints and no catalog).</summary>
    public static IReadOnlyList<KnownEvent>? KnownEvents(BackfillInterval request, CatalogHints hints) =>
        request.EventHints.Count > 0 || request.CatalogUri is not null ? request.EventHints.Select(hints.Place).ToList() : null;

    public async Task Run(ConsumeContext<ContinueBackfill> context)
    {
        var step = context.Message;
        var request = step.Request;
        var plan = planner.Plan(request.ArrayCode, request.StartUtc, request.EndUtc, KnownEvents(request, catalogHints));
        var (published, empty, failed) = (step.SegmentsPublished, step.SegmentsEmpty, step.SegmentsFailed);
        var problems = step.Problems.ToList();
        var last = Math.Min(plan.Segments.Count, step.NextSegment + SegmentsPerMessage);

        IWaveformSource? source = null;
        Metadata.StationXml.Inventory? inventory = null;
        try
        {
            source = inputs.Source(request.SourceUri!);
            inventory = inputs.Inventory(request.InventoryUri, reader.ArrayChannels);
        }
        catch (BackfillInputException unusable)
        {
            // The inputs were readable when the backfill was accepted; now they are not, so the rest cannot be read.
            AddProblem(problems, unusable.Message);
            failed += plan.Segments.Count - step.NextSegment;
            last = plan.Segments.Count;
        }

        for (var i = step.NextSegment; source is not null && i < last; i++)
        {
            var segment = plan.Segments[i];
            SegmentData data;
            try
            {
                data = await reader.Read(source, segment.StartUtc, segment.EndUtc, inventory, context.CancellationToken);
            }
            catch (WaveformSourceException unreadable)
            {
                failed++;
                AddProblem(problems, $"{segment.SegmentId}: {unreadable.Message}");
                LogSegmentFailed(segment.SegmentId, unreadable.Message);
                await context.Publish(new StageFailed
                {
                    Stage = PipelineStage.Ingest,
                    SubjectId = segment.SegmentId,
                    MessageType = nameof(WaveformSegmentIngested),
                    Reason = unreadable.Message,
                    BackfillId = request.BackfillId,
                    FailedAtUtc = clock.GetUtcNow().UtcDateTime,
                });
                continue;
            }

            foreach (var problem in data.Problems)
                LogReadProblem(segment.SegmentId, problem);
            if (data.IsEmpty)
            {
                empty++;
                continue;
            }

            var hint = segment.KnownEventId is { } id ? request.EventHints.First(h => h.EventId == id) : null;
            using (SegmentTracing.StartIngestedSegment(segment.SegmentId))
            {
                await context.Publish(await IngestedSegments.Message(
                    segment, data, request.ArrayCode, request.InventoryUri, request.BackfillId, hint, repository, context.CancellationToken));
            }
            metrics.SegmentIngested();
            published++;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await context.Publish(new BackfillProgressed
        {
            BackfillId = request.BackfillId,
            ArrayCode = request.ArrayCode,
            SegmentsTotal = plan.Segments.Count,
            SegmentsCompleted = published + empty,
            SegmentsEmpty = empty,
            SegmentsFailed = failed,
            ProcessedUntilUtc = last > 0 ? plan.Segments[last - 1].EndUtc : null,
            ReportedAtUtc = now,
        });

        if (last < plan.Segments.Count)
        {
            await context.Publish(step with { NextSegment = last, SegmentsPublished = published, SegmentsEmpty = empty, SegmentsFailed = failed, Problems = problems });
            return;
        }

        if (published == 0 && failed == 0)
        {
            AddProblem(problems, plan.Segments.Count == 0
                ? $"no segment to read: the catalog {request.CatalogUri} has no event between {request.StartUtc:O} and {request.EndUtc:O}"
                : $"no data at all: {request.SourceUri} holds none of the array's channels between {request.StartUtc:O} and {request.EndUtc:O}");
        }
        LogCompleted(request.BackfillId, published, empty, failed);
        await context.Publish(new BackfillCompleted
        {
            BackfillId = request.BackfillId,
            ArrayCode = request.ArrayCode,
            StartUtc = request.StartUtc,
            EndUtc = request.EndUtc,
            SegmentsTotal = plan.Segments.Count,
            SegmentsSucceeded = published,
            SegmentsFailed = failed,
            SegmentsEmpty = empty,
            Problems = problems,
            CompletedAtUtc = now,
        });
    }

    private static void AddProblem(List<string> problems, string problem)
    {
        if (problems.Count < MaximumProblems)
            problems.Add(problem);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {SegmentId} could not be read: {Reason}")]
    private partial void LogSegmentFailed(string segmentId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {SegmentId}: {Problem}")]
    private partial void LogReadProblem(string segmentId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill {BackfillId} read: {Published} segments handed on, {Empty} without data, {Failed} failed")]
    private partial void LogCompleted(Guid backfillId, int published, int empty, int failed);
}
