using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Reports;
using Seismic.Hosting;
using Seismic.Reporter.Processing;

namespace Seismic.Reporter.Consumers;

public sealed partial class EventClassifiedConsumer(ReportBook reports, DailyCatalog catalog, DayPictures days, PipelineMetrics metrics, TimeProvider clock, ILogger<EventClassifiedConsumer> logger)
    : IConsumer<EventClassified>
{
    public async Task Consume(ConsumeContext<EventClassified> context)
    {
        var decision = context.Message;
        var isNew = reports.Record(decision);
        // After the row: a catalog that cannot be written fails the message, whose redelivery adds no second row.
        catalog.Record(decision);
        days.Changed(ReportBook.DayOf(decision));
        metrics.ReportRows("events", isNew ? 1 : 0);
        if (isNew)
            LogRecorded(decision.EventId, decision.Label, decision.MeanDetectorProbability, decision.MeanClassifierProbability, reports.EventsCsvPath(ReportBook.DayOf(decision)));
        await context.Publish(new ReportRowsWritten
        {
            SegmentId = decision.SegmentId,
            EventId = decision.EventId,
            RowsAdded = isNew ? 1 : 0,
            ReportsDirectory = reports.ReportsDirectory,
            BackfillId = decision.BackfillId,
            WrittenAtUtc = clock.GetUtcNow().UtcDateTime,
        });
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Event {EventId}: {Label} (detector {Detector:F2}, explosion {Classifier:F2}) written to {Path}")]
    private partial void LogRecorded(string eventId, PredictedLabel label, double detector, double classifier, string path);
}
