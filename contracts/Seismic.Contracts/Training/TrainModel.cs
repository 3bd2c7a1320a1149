namespace Seismic.Contracts.Training;

/// <summary>Command: train a model on a dataset and publish it as a new version if it completes.</summary>
public sealed record TrainModel
{
    /// <summary>Chosen by the requester; progress and the outcome carry it.</summary>
    public required Guid TrainingId { get; init; }

    /// <summary>Dataset folder (SeisBench format) as the trainer host sees it.</summary>
    public required string DatasetPath { get; init; }

    /// <summary>Architecture name: "alexnet", "cnn_dense" or "compact".</summary>
    public required string Architecture { get; init; }

    /// <summary>Name the new model version is registered under.</summary>
    public required string ModelName { get; init; }

    /// <summary>
    /// Overrides of the configuration as dotted snake_case keys, e.g. {"optimizer.max_lr": "1e-3"};
    /// validated like the configuration file itself.
    /// </summary>
    public IReadOnlyDictionary<string, string> ConfigOverrides { get; init; } = new Dictionary<string, string>();

    public required string RequestedBy { get; init; }

    public required DateTime RequestedAtUtc { get; init; }
}
