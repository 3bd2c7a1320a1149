using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Contracts.Operations;
using Seismic.Contracts.Training;
using Seismic.Inference.Models;

namespace Seismic.Classifier.Consumers;

/// <summary>Switches to a newly published version of the configured model, without a restart.</summary>
public sealed partial class ModelPublishedConsumer(ModelLoader loader, TimeProvider clock, ILogger<ModelPublishedConsumer> logger)
    : IConsumer<ModelPublished>
{
    public async Task Consume(ConsumeContext<ModelPublished> context)
    {
        var published = context.Message;
        if (!loader.Wants(published.ModelName, published.Version))
        {
            LogIgnored(published.ModelName, published.Version, loader.ModelName);
            return;
        }

        var (model, problem) = loader.Load(published.Version);
        if (model is not null)
        {
            LogSwapped(model.Card.Id, model.InferencePath);
            return;
        }

        // The model in use stays: a broken new version must not stop classification.
        LogRefused(published.ModelName, published.Version, problem!);
        await context.Publish(new StageFailed
        {
            Stage = PipelineStage.Classifier,
            SubjectId = $"{published.ModelName} v{published.Version}",
            MessageType = nameof(ModelPublished),
            Reason = problem!,
            TrainingId = published.TrainingId,
            FailedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Model {Name} v{Version} published; this classifier runs {Wanted}")]
    private partial void LogIgnored(string name, int version, string wanted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Classifying with {ModelId} from now on; {InferencePath}")]
    private partial void LogSwapped(string modelId, string inferencePath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Name} v{Version} was published but cannot be used; keeping the current model: {Reason}")]
    private partial void LogRefused(string name, int version, string reason);
}
