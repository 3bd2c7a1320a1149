using Seismic.Evaluation.Metrics;
using Seismic.Training.Schedule;

namespace Seismic.Training.Optimization;

/// <summary>What one epoch did: losses, the rate it ran at, validation figures by name, and what the plateau watch decided.</summary>
public sealed record EpochReport(
    int Epoch,
    int MaxEpochs,
    double LearningRate,
    double TrainTotalLoss,
    double ValidationTotalLoss,
    IReadOnlyDictionary<string, double> Metrics,
    ConfusionMatrix ValidationConfusion,
    EpochVerdict Verdict,
    TimeSpan Elapsed,
    TimeSpan EstimatedRemaining);
