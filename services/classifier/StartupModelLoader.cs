using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seismic.Inference.Models;

namespace Seismic.Classifier;

/// <summary>
/// Loads the configured model when the classifier starts. Having none is not fatal: the worker runs,
/// segments wait (retried, then kept in the error queue with the reason), and the first ModelPublished
/// brings a model in.
/// </summary>
public sealed partial class StartupModelLoader(ModelLoader loader, ILogger<StartupModelLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var (model, problem) = loader.LoadConfigured();
        if (model is not null)
            LogLoaded(model.Card.Id, model.Registered.OnnxPath, model.InferencePath);
        else
            LogNoModel(problem!);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Classifier model {ModelId} loaded from {Path}; {InferencePath}")]
    private partial void LogLoaded(string modelId, string path, string inferencePath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No classifier model yet: {Reason}")]
    private partial void LogNoModel(string reason);
}
