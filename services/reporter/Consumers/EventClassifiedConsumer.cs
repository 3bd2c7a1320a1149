using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Contracts.Classification;
using Seismic.Reporter.Processing;

namespace Seismic.Reporter.Consumers;

public sealed partial class EventClassifiedConsumer(ReportBook reports, ILogger<EventClassifiedConsumer> logger)
    : IConsumer<EventClassified>
{
    public Task Consume(ConsumeContext<EventClassified> context)
    {
        var decision = context.Message;
        if (reports.Record(decision))
            LogRecorded(decision.EventId, decision.Label, decision.MeanDetectorProbability, decision.MeanClassifierProbability, reports.EventsCsvPath);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Event {EventId}: {Label} (detector {Detector:F2}, explosion {Classifier:F2}) written to {Path}")]
    private partial void LogRecorded(string eventId, PredictedLabel label, double detector, double classifier, string path);
}
