namespace Seismic.Contracts.Training;

/// <summary>Event: one training epoch finished.</summary>
public sealed record TrainingProgressed
{
    public required Guid TrainingId { get; init; }

    /// <summary>1-based epoch just finished; 0 when the job has started (its data loaded) and no epoch has finished yet.</summary>
    public required int Epoch { get; init; }

    public required int MaxEpochs { get; init; }

    public required double TrainTotalLoss { get; init; }

    public double? ValTotalLoss { get; init; }

    public required double LearningRate { get; init; }

    /// <summary>Other figures of the epoch by name, e.g. "val_detector_f1".</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Estimated time to the last epoch, seconds.</summary>
    public double? EstimatedSecondsRemaining { get; init; }

    public required DateTime ReportedAtUtc { get; init; }
}
