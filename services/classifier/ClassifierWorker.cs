using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Seismic.Classifier.Consumers;
using Seismic.Classifier.Processing;
using Seismic.Configuration;
using Seismic.Inference.Registry;

namespace Seismic.Classifier;

public static class ClassifierWorker
{
    /// <summary>Registers the classifier: the active model (loaded at start, swapped on ModelPublished) and its consumers.</summary>
    public static IBusRegistrationConfigurator AddClassifierWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings)
    {
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddSingleton(new ModelRegistry(settings.Paths.ModelsDir));
        bus.AddSingleton<ActiveModel>();
        bus.AddHostedService<StartupModelLoader>();
        bus.AddConsumer<BeamsFormedConsumer, BeamsFormedConsumerDefinition>();
        bus.AddConsumer<ModelPublishedConsumer, ModelPublishedConsumerDefinition>();
        return bus;
    }
}
