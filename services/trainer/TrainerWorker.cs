using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Configuration;
using Seismic.Hosting;
using Seismic.Trainer.Consumers;
using Seismic.Trainer.Processing;

namespace Seismic.Trainer;

public static class TrainerWorker
{
    /// <summary>
    /// Registers the trainer: the TrainModel consumer that queues commands in
    /// &lt;paths.output_dir&gt;/training/queue, and the runner that trains them one at a time.
    /// </summary>
    public static IBusRegistrationConfigurator AddTrainerWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings)
    {
        bus.AddSingleton(new TrainingQueue(Path.Combine(settings.Paths.OutputDir, "training", "queue")));
        bus.AddSingleton(provider => new TrainingJob(provider.GetRequiredService<SettingsFile>().Path));
        bus.AddHostedService<TrainingJobRunner>();
        bus.AddConsumer<TrainModelConsumer, TrainModelConsumerDefinition>();
        return bus;
    }
}
