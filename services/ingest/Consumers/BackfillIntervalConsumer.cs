using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Configuration;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;
using Seismic.Ingest.Processing;

namespace Seismic.Ingest.Consumers;

/// <summary>
/// Accepts or refuses a backfill request. A refused one (a bad interval, an unknown array, a source, inventory or
/// catalog that cannot be read) ends as <see cref="StageFailed"/> with the reason. An accepted one is announced
/// with its segment count and handed to <see cref="ContinueBackfillConsumer"/> with everything it needs resolved
/// (source, inventory, the catalog's events), so later steps do not depend on this worker's settings.
/// </summary>
public sealed partial class BackfillIntervalConsumer(
    BackfillPlanner planner, BackfillInputs inputs, CatalogHints catalogHints, SegmentReader reader, SeismicSettings settings, TimeProvider clock,
    ILogger<BackfillIntervalConsumer> logger)
    : IConsumer<BackfillInterval>
{
    public async Task Consume(ConsumeContext<BackfillInterval> context)
    {
        var request = context.Message;
        var accepted = request with
        {
            SourceUri = request.SourceUri ?? settings.Source.Uri,
            InventoryUri = request.InventoryUri ?? settings.Array.InventoryPath,
            CatalogUri = request.CatalogUri ?? settings.Source.CatalogUri,
        };
        BackfillPlan plan;
        try
        {
            plan = planner.Plan(request.ArrayCode, request.StartUtc, request.EndUtc);
            if (plan.IsValid && string.IsNullOrWhiteSpace(accepted.InventoryUri))
            {
                plan = new BackfillPlan([], ["no inventory: the beams need the array's StationXML; give one with the request (seismic backfill --inventory) or set array.inventory_path"]);
            }
            else if (plan.IsValid)
            {
                inputs.Source(accepted.SourceUri);
                inputs.Inventory(accepted.InventoryUri, reader.ArrayChannels);
                if (request.EventHints.Count == 0 && accepted.CatalogUri is { } catalog)
                {
                    // From a little before the interval: a regional event's P reaches the array minutes after its origin.
                    var events = await BackfillInputs.Catalog(catalog, request.StartUtc.AddMinutes(-10), request.EndUtc, context.CancellationToken);
                    accepted = accepted with { EventHints = catalogHints.From(events, request.StartUtc, request.EndUtc) };
                }
                plan = planner.Plan(request.ArrayCode, request.StartUtc, request.EndUtc, BackfillSteps.KnownEvents(accepted, catalogHints));
            }
        }
        catch (BackfillInputException unusable)
        {
            plan = new BackfillPlan([], [unusable.Message]);
        }

        if (!plan.IsValid)
        {
            LogRefused(request.BackfillId, string.Join("; ", plan.Problems));
            await context.Publish(new StageFailed
            {
                Stage = PipelineStage.Ingest,
                SubjectId = request.BackfillId.ToString(),
                MessageType = nameof(BackfillInterval),
                Reason = "Backfill refused: " + string.Join("; ", plan.Problems),
                BackfillId = request.BackfillId,
                FailedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
            return;
        }

        LogAccepted(request.BackfillId, request.ArrayCode, request.StartUtc, request.EndUtc, plan.Segments.Count, accepted.SourceUri!, request.RequestedBy);
        await context.Publish(new BackfillProgressed
        {
            BackfillId = request.BackfillId,
            ArrayCode = request.ArrayCode,
            SegmentsTotal = plan.Segments.Count,
            SegmentsCompleted = 0,
            SegmentsFailed = 0,
            ReportedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await context.Publish(new ContinueBackfill
        {
            Request = accepted,
            NextSegment = 0,
            SegmentsPublished = 0,
            SegmentsEmpty = 0,
            SegmentsFailed = 0,
            Problems = plan.Skipped,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill {BackfillId} refused: {Problems}")]
    private partial void LogRefused(Guid backfillId, string problems);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Backfill {BackfillId} of {ArrayCode} from {StartUtc:O} to {EndUtc:O}: {SegmentCount} segments from {Source}, requested by {RequestedBy}")]
    private partial void LogAccepted(Guid backfillId, string arrayCode, DateTime startUtc, DateTime endUtc, int segmentCount, string source, string requestedBy);
}
