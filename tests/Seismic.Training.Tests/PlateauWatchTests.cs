using Seismic.Configuration;
using Seismic.Training.Schedule;

namespace Seismic.Training.Tests;

public sealed class PlateauWatchTests
{
    private static PlateauWatch Watch(int stopPatience, int reducePatience) =>
        new(new CallbackSettings { EarlyStoppingPatience = stopPatience, ReduceLrPatience = reducePatience, ReduceLrFactor = 0.1 });

    [Fact]
    public void Should_reduce_on_each_flat_epoch_and_stop_after_the_early_stopping_patience()
    {
        // The seed's settings: early stopping patience 7, reduce patience 1.
        var watch = Watch(stopPatience: 7, reducePatience: 1);
        double[] losses = [1.0, 0.8, 0.9, 0.85, 0.81, 0.82, 0.83, 0.84, 0.8];

        var verdicts = losses.Select((loss, epoch) => watch.Observe(epoch, loss)).ToList();

        Assert.Equal(
            [EpochVerdict.Improved, EpochVerdict.Improved, EpochVerdict.ReduceLearningRate, EpochVerdict.ReduceLearningRate,
             EpochVerdict.ReduceLearningRate, EpochVerdict.ReduceLearningRate, EpochVerdict.ReduceLearningRate,
             EpochVerdict.ReduceLearningRate, EpochVerdict.Stop],
            verdicts);
        Assert.Equal(1, watch.BestEpoch);
        Assert.Equal(0.8, watch.BestLoss);
        Assert.Equal(6, watch.Reductions);
    }

    [Fact]
    public void Should_wait_between_reductions_with_a_longer_patience()
    {
        var watch = Watch(stopPatience: 10, reducePatience: 2);
        double[] losses = [1.0, 1.1, 1.2, 1.3, 1.4, 0.5, 0.6];

        var verdicts = losses.Select((loss, epoch) => watch.Observe(epoch, loss)).ToList();

        Assert.Equal(
            [EpochVerdict.Improved, EpochVerdict.Waiting, EpochVerdict.ReduceLearningRate, EpochVerdict.Waiting,
             EpochVerdict.ReduceLearningRate, EpochVerdict.Improved, EpochVerdict.Waiting],
            verdicts);
    }

    [Fact]
    public void Should_refuse_a_nan_loss_with_the_epoch()
    {
        Assert.Contains("epoch 3", Assert.Throws<ArgumentException>(() => Watch(7, 1).Observe(3, double.NaN)).Message);
    }
}
