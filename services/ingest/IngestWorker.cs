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
        ArgumentNullException.ThrowIfNull(settings);
        bus.TryAddSingleton(settings);
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddSingleton(services => new BackfillPlanner(
            settings.Array.Code,
            new SegmentGrid(
                TimeSpan.FromSeconds(settings.Source.SegmentLengthS),
                TimeSpan.FromSeconds(settings.Source.SegmentOverlapS),
                TimeSpan.FromSeconds(settings.DetectionLookBackS)),
            TimeSpan.FromDays(settings.Source.MaxBackfillDays),
            settings.Window.LengthS,
            settings.Window.EventBufferS,
            services.GetRequiredService<TimeProvider>()));
        bus.TryAddSingleton<BackfillInputs>();
        bus.AddSingleton(new CatalogHints(settings.Array));
        bus.AddSingleton(new SegmentReader(settings.Array, settings.Window.EdgeS));
        bus.AddSingleton<BackfillSteps>();
        bus.AddConsumer<BackfillIntervalConsumer, BackfillIntervalConsumerDefinition>();
        bus.AddConsumer<ContinueBackfillConsumer, ContinueBackfillConsumerDefinition>();
        return bus;
    }
}
