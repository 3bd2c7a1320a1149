using Microsoft.Extensions.Diagnostics.HealthChecks;
using Seismic.Inference.Models;

namespace Seismic.Classifier;

/// <summary>
/// Which model the classifier uses. Without one it is Degraded, not Unhealthy: the process is up and doing the one
/// thing that brings a model (listening for ModelPublished), so an orchestrator must neither restart it (a restart
/// loads no model) nor hold back the rest of the stack waiting for it (the trainer that publishes the first model may
/// be part of that stack); Degraded answers 200 on /health and says, for a person or an alert, that segments are not
/// classified meanwhile (they fail to the error queue with the reason, to be moved back once a model is in).
/// </summary>
public sealed class ModelHealthCheck(ActiveModel active, string modelName, int? pinnedVersion, string modelsFolder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var wanted = pinnedVersion is { } version ? $"v{version}" : "latest";
        var data = new Dictionary<string, object> { ["wanted"] = $"{modelName} {wanted}", ["models_dir"] = Path.GetFullPath(modelsFolder) };
        if (active.CurrentCard is not { } card)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"no model loaded: none of {modelName} ({wanted}) could be opened in {data["models_dir"]}; segments are not classified until ModelPublished brings one",
                data: data));
        }
        data["name"] = card.Name;
        data["version"] = card.Version;
        data["architecture"] = card.Architecture;
        return Task.FromResult(HealthCheckResult.Healthy($"model {card.Id} loaded", data));
    }
}
