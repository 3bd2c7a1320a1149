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
        var queueFolder = Path.Combine(settings.Paths.OutputDir, "training", "queue");
        bus.AddSingleton(new TrainingQueue(queueFolder));
        // TrainModel is accepted by writing it to this folder: one it cannot write loses no command (the message
        // fails to its error queue), but takes none either.
        bus.AddHealthChecks().AddCheck("training-queue-folder", new FolderWritableHealthCheck(queueFolder), tags: ["storage"]);
        bus.AddSingleton(provider => new TrainingJob(provider.GetRequiredService<SettingsFile>().Path));
        bus.AddHostedService<TrainingJobRunner>();
        bus.AddConsumer<TrainModelConsumer, TrainModelConsumerDefinition>();
        return bus;
    }
}
