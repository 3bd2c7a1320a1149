using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Seismic.Configuration;
using Seismic.Reporter.Consumers;
using Seismic.Reporter.Processing;

namespace Seismic.Reporter;

public static class ReporterWorker
{
    /// <summary>Registers the reporter's consumers; reports go to the configured paths.reports_dir.</summary>
    public static IBusRegistrationConfigurator AddReporterWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings)
    {
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddSingleton(new ReportBook(settings.Paths.ReportsDir));
        bus.AddConsumer<EventClassifiedConsumer, EventClassifiedConsumerDefinition>();
        bus.AddConsumer<WindowsClassifiedConsumer, WindowsClassifiedConsumerDefinition>();
        return bus;
    }
}
