using Seismic.Configuration;

namespace Seismic.Training.Schedule;

/// <summary>
/// The learning rate of each epoch: an optional linear warm-up from min_lr to max_lr, then a cosine from
/// max_lr down to min_lr, reached on the last epoch, times the reductions a plateau has called for.
/// Deliberate differences from the seed: its cosine was shifted by the warm-up length even with warm-up off
/// (epoch 0 ran on a negative phase) and never reached min_lr; and it overwrote ReduceLROnPlateau's rate at
/// every epoch, so the reduction never lasted. Here the reductions multiply the scheduled rate.
/// </summary>
public sealed class LearningRateSchedule(OptimizerSettings optimizer)
{
    public int WarmupEpochs => optimizer.WarmupEpochs;

    /// <summary>Rate for the 0-based <paramref name="epoch"/> after <paramref name="plateauReductions"/> reductions by <paramref name="reductionFactor"/>.</summary>
    public double RateAt(int epoch, int plateauReductions = 0, double reductionFactor = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        return Scheduled(epoch) * Math.Pow(reductionFactor, plateauReductions);
    }

    private double Scheduled(int epoch)
    {
        var (min, max) = (optimizer.MinLr, optimizer.MaxLr);
        if (epoch < WarmupEpochs)
            return min + (max - min) * epoch / WarmupEpochs;
        var cosineEpochs = optimizer.MaxEpochs - WarmupEpochs - 1;
        if (cosineEpochs <= 0)
            return max;
        var progress = Math.Min(1.0, (double)(epoch - WarmupEpochs) / cosineEpochs);
        return min + (max - min) * (1 + Math.Cos(Math.PI * progress)) / 2;
    }
}
