using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Seismic.Configuration;
using Seismic.Hosting;
using Seismic.Reporter.Consumers;
using Seismic.Reporter.Processing;

namespace Seismic.Reporter;

public static class ReporterWorker
{
    /// <summary>Registers the reporter's consumers; reports go to the configured paths.reports_dir, a folder per day; event pictures and day pictures when reports.event_gifs and reports.day_pictures are on.</summary>
    public static IBusRegistrationConfigurator AddReporterWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings)
    {
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddPipelineMetrics();
        bus.AddHealthChecks().AddCheck("reports-folder", new FolderWritableHealthCheck(settings.Paths.ReportsDir), tags: ["storage"]);
        bus.AddSingleton(services =>
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReportBook));
            return new ReportBook(settings.Paths.ReportsDir, (file, bytes) => logger.LogWarning(
                "{File} ended in a torn line ({Bytes} bytes, left by a reporter stopped mid-write); cut off, its message writes it again", file, bytes));
        });
        bus.AddSingleton(new DailyCatalog(settings.Paths.ReportsDir, settings.Array.Network));
        bus.AddSingleton(new DayPictures(settings.Paths.ReportsDir, settings));
        if (settings.Reports.DayPictures)
        {
            bus.AddHostedService(services => new DayPicturesService(
                services.GetRequiredService<DayPictures>(),
                TimeSpan.FromSeconds(settings.Reports.DayPicturesIntervalS),
                services.GetRequiredService<ILogger<DayPicturesService>>()));
        }
        bus.AddConsumer<EventClassifiedConsumer, EventClassifiedConsumerDefinition>();
        bus.AddConsumer<WindowsClassifiedConsumer, WindowsClassifiedConsumerDefinition>();
        if (settings.Reports.EventGifs)
        {
            bus.AddSingleton(settings.Reports);
            bus.AddSingleton(new EventPictures(settings.Paths.ReportsDir));
            bus.AddConsumer<EventEvidenceGatheredConsumer, EventEvidenceGatheredConsumerDefinition>();
        }
        return bus;
    }
}
