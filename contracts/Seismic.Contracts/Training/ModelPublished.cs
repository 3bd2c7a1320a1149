namespace Seismic.Contracts.Training;

/// <summary>Event: a new model version is in the registry; classifiers switch to it without a restart.</summary>
public sealed record ModelPublished
{
    public required string ModelName { get; init; }

    /// <summary>Registry version, 1, 2, 3... per model name.</summary>
    public required int Version { get; init; }

    public required string Architecture { get; init; }

    /// <summary>Path or URI of model.onnx as the registry stores it.</summary>
    public required string OnnxLocation { get; init; }

    /// <summary>SHA-256 of model.onnx, lower-case hex; the classifier checks it before loading.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Samples per input window (9601 for 240 s at 40 Hz).</summary>
    public required int WindowSamples { get; init; }

    public required double SampleRateHz { get; init; }

    /// <summary>Validation and test figures by name, e.g. "test_detector_accuracy".</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The training run that made it; null for an imported model.</summary>
    public Guid? TrainingId { get; init; }

    public required DateTime CreatedAtUtc { get; init; }
}
