using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Seismic.Configuration;
using Seismic.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Seismic.Ingest.Consumers;
using Seismic.Ingest.Live;
using Seismic.Ingest.Processing;

namespace Seismic.Ingest;

public static class IngestWorker
{
    /// <summary>
    /// Registers the ingest worker's consumers and the domain services they use, and live ingest when source.uri
    /// is a SeedLink server and <paramref name="live"/> allows it (a one-off backfill in-process must not start
    /// monitoring the live stream of the settings it shares with the live deployment).
    /// </summary>
    public static IBusRegistrationConfigurator AddIngestWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings, bool live = true)
    {
        ArgumentNullException.ThrowIfNull(settings);
        bus.TryAddSingleton(settings);
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddPipelineMetrics();
        var grid = new SegmentGrid(
            TimeSpan.FromSeconds(settings.Source.SegmentLengthS),
            TimeSpan.FromSeconds(settings.Source.SegmentOverlapS),
            TimeSpan.FromSeconds(settings.DetectionLookBackS));
        bus.AddSingleton(grid);
        bus.AddSingleton(services => new BackfillPlanner(
            settings.Array.Code,
            grid,
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
        if (live && settings.Source.Scheme == SourceScheme.Seedlink)
            AddLiveIngest(bus, settings);
        return bus;
    }

    /// <summary>Live monitoring of the SeedLink server in source.uri, its health check and its metrics.</summary>
    private static void AddLiveIngest(IServiceCollection services, SeismicSettings settings)
    {
        services.TryAddSingleton<LiveStatus>();
        services.AddSingleton(provider => new LiveMetrics(provider.GetRequiredService<LiveStatus>(), provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService<LiveIngestService>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "seedlink",
            provider => new LiveHealthCheck(provider.GetRequiredService<LiveStatus>(), provider.GetRequiredService<TimeProvider>(), settings.Source.LiveDeadlineS, settings.Source.LiveIdleTimeoutS),
            failureStatus: null,
            tags: ["live"]));
    }
}
