using Seismic.Configuration;

namespace Seismic.Training.Schedule;

/// <summary>What to do after an epoch, from the validation total loss.</summary>
public enum EpochVerdict
{
    /// <summary>The loss is the best so far: keep these weights as the best checkpoint.</summary>
    Improved,

    /// <summary>No improvement, but within both patiences.</summary>
    Waiting,

    /// <summary>No improvement for reduce_lr_patience epochs: multiply the learning rate by reduce_lr_factor.</summary>
    ReduceLearningRate,

    /// <summary>No improvement for early_stopping_patience epochs: stop and restore the best weights.</summary>
    Stop,
}

/// <summary>
/// Early stopping and reduce-on-plateau, both watching the validation total loss as Keras's callbacks do
/// (a wait counter per callback; the plateau counter restarts after each reduction). The seed watched
/// "val_total_loss" while its logs were named "val_val_total_loss", so neither ever fired; these do.
/// An epoch improves when its loss is strictly below the best so far.
/// </summary>
public sealed class PlateauWatch(CallbackSettings callbacks)
{
    private int _epochsWithoutImprovement;
    private int _epochsSinceReduction;

    public double BestLoss { get; private set; } = double.PositiveInfinity;

    public int BestEpoch { get; private set; } = -1;

    public int Reductions { get; private set; }

    public EpochVerdict Observe(int epoch, double validationLoss)
    {
        if (double.IsNaN(validationLoss))
            throw new ArgumentException($"epoch {epoch}: the validation loss is NaN; training has diverged", nameof(validationLoss));

        if (validationLoss < BestLoss)
        {
            BestLoss = validationLoss;
            BestEpoch = epoch;
            _epochsWithoutImprovement = 0;
            _epochsSinceReduction = 0;
            return EpochVerdict.Improved;
        }

        _epochsWithoutImprovement++;
        _epochsSinceReduction++;
        if (_epochsWithoutImprovement >= Math.Max(1, callbacks.EarlyStoppingPatience))
            return EpochVerdict.Stop;
        if (_epochsSinceReduction >= Math.Max(1, callbacks.ReduceLrPatience))
        {
            _epochsSinceReduction = 0;
            Reductions++;
            return EpochVerdict.ReduceLearningRate;
        }
        return EpochVerdict.Waiting;
    }
}
