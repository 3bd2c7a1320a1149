using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seismic.Classifier.Processing;
using Seismic.Configuration;
using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;

namespace Seismic.Classifier;

/// <summary>
/// Loads the configured model when the classifier starts. Having none is not fatal: the worker runs,
/// segments wait (retried, then kept in the error queue with the reason), and the first ModelPublished
/// brings a model in.
/// </summary>
public sealed partial class StartupModelLoader(ActiveModel activeModel, ModelRegistry registry, SeismicSettings settings, ILogger<StartupModelLoader> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var model = LoadedModel.Open(registry.Resolve(settings.Model.Name, settings.Model.Version.Number));
            activeModel.Swap(model);
            LogLoaded(model.Card.Id, model.Registered.OnnxPath);
        }
        catch (Exception unusable) when (unusable is ModelRegistryException or ModelLoadException)
        {
            LogNoModel(unusable.Message);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Classifier model {ModelId} loaded from {Path}")]
    private partial void LogLoaded(string modelId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No classifier model yet: {Reason}")]
    private partial void LogNoModel(string reason);
}
