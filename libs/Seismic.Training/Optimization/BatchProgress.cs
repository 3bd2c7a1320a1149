namespace Seismic.Training.Optimization;

/// <summary>Where an epoch is: batches done of all, and the mean training loss so far (for a progress bar).</summary>
public sealed record BatchProgress(int Epoch, int BatchesDone, int BatchesPerEpoch, double MeanTrainLoss);
