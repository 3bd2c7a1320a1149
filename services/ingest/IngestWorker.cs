using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Seismic.Configuration;
using Seismic.Ingest.Consumers;
using Seismic.Ingest.Processing;

namespace Seismic.Ingest;

public static class IngestWorker
{
    /// <summary>Registers the ingest worker's consumers and the domain services they use.</summary>
    public static IBusRegistrationConfigurator AddIngestWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings)
    {
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddSingleton(services => new BackfillPlanner(
            settings.Array.Code,
            TimeSpan.FromSeconds(settings.Source.SegmentLengthS),
            services.GetRequiredService<TimeProvider>()));
        bus.AddConsumer<BackfillIntervalConsumer, BackfillIntervalConsumerDefinition>();
        return bus;
    }
}
