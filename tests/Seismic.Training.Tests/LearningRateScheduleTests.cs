using Seismic.Configuration;
using Seismic.Training.Schedule;

namespace Seismic.Training.Tests;

public sealed class LearningRateScheduleTests
{
    private static OptimizerSettings Optimizer(int maxEpochs, bool warmup, double fraction = 0.05) => new()
    {
        Name = OptimizerName.Adam,
        MaxEpochs = maxEpochs,
        BatchSize = 128,
        MaxLr = 1e-4,
        MinLr = 5e-6,
        WeightDecay = 1e-6,
        Warmup = new WarmupSettings { Enabled = warmup, Fraction = fraction },
    };

    [Fact]
    public void Should_start_at_max_lr_and_end_at_min_lr_without_warmup()
    {
        var schedule = new LearningRateSchedule(Optimizer(100, warmup: false));

        Assert.Equal(1e-4, schedule.RateAt(0), 12);
        Assert.Equal(5e-6, schedule.RateAt(99), 12);
        // Half way through the cosine (epoch 49.5 of 0..99) the rate is the mean of the two.
        Assert.Equal((1e-4 + 5e-6) / 2, (schedule.RateAt(49) + schedule.RateAt(50)) / 2, 8);
    }

    [Fact]
    public void Should_follow_the_cosine_by_hand_at_a_quarter()
    {
        // 5 epochs, no warm-up: progress of epoch 1 is 1/4; rate = min + (max - min)(1 + cos(pi/4))/2.
        var schedule = new LearningRateSchedule(Optimizer(5, warmup: false));

        Assert.Equal(5e-6 + 95e-6 * (1 + Math.Sqrt(0.5)) / 2, schedule.RateAt(1), 12);
    }

    [Fact]
    public void Should_rise_linearly_during_warmup_then_decay()
    {
        // 100 epochs, 5% warm-up = 5 epochs: epoch 0 at min_lr, epoch 4 at min + 4/5 (max - min), epoch 5 at max_lr.
        var schedule = new LearningRateSchedule(Optimizer(100, warmup: true));

        Assert.Equal(5, schedule.WarmupEpochs);
        Assert.Equal(5e-6, schedule.RateAt(0), 12);
        Assert.Equal(5e-6 + 0.8 * 95e-6, schedule.RateAt(4), 12);
        Assert.Equal(1e-4, schedule.RateAt(5), 12);
        Assert.Equal(5e-6, schedule.RateAt(99), 12);
    }

    [Fact]
    public void Should_multiply_the_scheduled_rate_by_each_plateau_reduction()
    {
        var schedule = new LearningRateSchedule(Optimizer(100, warmup: false));

        Assert.Equal(schedule.RateAt(10) * 0.01, schedule.RateAt(10, plateauReductions: 2, reductionFactor: 0.1), 15);
    }
}
