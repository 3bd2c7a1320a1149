using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Contracts.Training;
using Seismic.Trainer.Processing;

namespace Seismic.Trainer.Consumers;

/// <summary>
/// Hands a TrainModel command to the trainer's queue and acknowledges it; <see cref="TrainingJobRunner"/>
/// trains and publishes progress, the model or the failure.
/// </summary>
public sealed class TrainModelConsumer(TrainingQueue queue, ILogger<TrainModelConsumer> logger) : IConsumer<TrainModel>
{
    public Task Consume(ConsumeContext<TrainModel> context)
    {
        var command = context.Message;
        if (queue.TryEnqueue(command))
            logger.LogInformation("Training {TrainingId} queued: {Architecture} as {ModelName} on {DatasetPath}, requested by {RequestedBy}",
                command.TrainingId, command.Architecture, command.ModelName, command.DatasetPath, command.RequestedBy);
        else
            logger.LogInformation("Training {TrainingId} is already queued or finished; the repeated command is ignored", command.TrainingId);
        return Task.CompletedTask;
    }
}

/// <summary>Queueing takes milliseconds; one at a time keeps the queue's order the order of arrival.</summary>
public sealed class TrainModelConsumerDefinition : ConsumerDefinition<TrainModelConsumer>
{
    public TrainModelConsumerDefinition() => ConcurrentMessageLimit = 1;
}
