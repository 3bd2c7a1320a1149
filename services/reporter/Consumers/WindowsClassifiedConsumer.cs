using MassTransit;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Reports;
using Seismic.Hosting;
using Seismic.Reporter.Processing;

namespace Seismic.Reporter.Consumers;

public sealed class WindowsClassifiedConsumer(ReportBook reports, DayPictures days, PipelineMetrics metrics, TimeProvider clock) : IConsumer<WindowsClassified>
{
    public async Task Consume(ConsumeContext<WindowsClassified> context)
    {
        var windows = context.Message;
        var added = reports.Record(windows);
        metrics.ReportRows("windows", added);
        foreach (var day in windows.Windows.Select(w => w.WindowStartUtc.Date).Distinct())
            days.Changed(day);
        await context.Publish(new ReportRowsWritten
        {
            SegmentId = windows.SegmentId,
            RowsAdded = added,
            ReportsDirectory = reports.ReportsDirectory,
            BackfillId = windows.BackfillId,
            WrittenAtUtc = clock.GetUtcNow().UtcDateTime,
        });
    }
}
