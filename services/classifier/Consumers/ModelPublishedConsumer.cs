using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Classifier.Processing;
using Seismic.Configuration;
using Seismic.Contracts.Operations;
using Seismic.Contracts.Training;
using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;

namespace Seismic.Classifier.Consumers;

/// <summary>Switches to a newly published version of the configured model, without a restart.</summary>
public sealed partial class ModelPublishedConsumer(
    ActiveModel activeModel, ModelRegistry registry, SeismicSettings settings, TimeProvider clock, ILogger<ModelPublishedConsumer> logger)
    : IConsumer<ModelPublished>
{
    public async Task Consume(ConsumeContext<ModelPublished> context)
    {
        var published = context.Message;
        var wanted = settings.Model;
        if (published.ModelName != wanted.Name || (!wanted.Version.IsLatest && wanted.Version.Number != published.Version))
        {
            LogIgnored(published.ModelName, published.Version, wanted.Name);
            return;
        }

        try
        {
            var model = LoadedModel.Open(registry.Resolve(published.ModelName, published.Version));
            activeModel.Swap(model);
            LogSwapped(model.Card.Id);
        }
        catch (Exception unusable) when (unusable is ModelRegistryException or ModelLoadException)
        {
            // The model in use stays: a broken new version must not stop classification.
            LogRefused(published.ModelName, published.Version, unusable.Message);
            await context.Publish(new StageFailed
            {
                Stage = PipelineStage.Classifier,
                SubjectId = $"{published.ModelName} v{published.Version}",
                MessageType = nameof(ModelPublished),
                Reason = unusable.Message,
                TrainingId = published.TrainingId,
                FailedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Model {Name} v{Version} published; this classifier runs {Wanted}")]
    private partial void LogIgnored(string name, int version, string wanted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Classifying with {ModelId} from now on")]
    private partial void LogSwapped(string modelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Name} v{Version} was published but cannot be used; keeping the current model: {Reason}")]
    private partial void LogRefused(string name, int version, string reason);
}
