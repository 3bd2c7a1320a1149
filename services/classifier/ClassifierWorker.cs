using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Seismic.Classifier.Consumers;
using Seismic.Classifier.Processing;
using Seismic.Configuration;
using Seismic.Detection;
using Seismic.Hosting;
using Seismic.Inference.Models;
using Seismic.Inference.Registry;
using Seismic.Metadata.Geometry;

namespace Seismic.Classifier;

public static class ClassifierWorker
{
    /// <summary>Registers the classifier: the active model (loaded at start, swapped on ModelPublished), continuous detection and the consumers.</summary>
    public static IBusRegistrationConfigurator AddClassifierWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddPipelineMetrics();
        bus.AddSingleton<ActiveModel>();
        bus.AddSingleton(services => new ModelLoader(
            new ModelRegistry(settings.Paths.ModelsDir), services.GetRequiredService<ActiveModel>(), settings.Model.Name, settings.Model.Version.Number,
            new ModelInput(settings.Window.SamplesPerWindow, settings.Window.SampleRateHz)));
        bus.AddSingleton(new SegmentClassifier(
            new ContinuousDetector(settings.Detection, settings.Window.PPositionS),
            settings.Window.StepSamples,
            settings.Model.InferenceBatchSize,
            new GeoPoint(settings.Array.ReferenceLatitudeDeg, settings.Array.ReferenceLongitudeDeg)));
        bus.AddHostedService<StartupModelLoader>();
        bus.AddHealthChecks().Add(new HealthCheckRegistration(
            "classifier-model",
            services => new ModelHealthCheck(services.GetRequiredService<ActiveModel>(), settings.Model.Name, settings.Model.Version.Number, settings.Paths.ModelsDir),
            failureStatus: null,
            tags: ["model"]));
        bus.AddConsumer<BeamsFormedConsumer, BeamsFormedConsumerDefinition>();
        bus.AddConsumer<ModelPublishedConsumer, ModelPublishedConsumerDefinition>();
        return bus;
    }
}
