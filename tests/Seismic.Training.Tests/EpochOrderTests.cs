using Seismic.Training.Data;

namespace Seismic.Training.Tests;

public sealed class EpochOrderTests
{
    private static SampleLabel[] Labels() =>
        [.. Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? SampleLabel.Earthquake : i % 3 == 1 ? SampleLabel.Explosion : SampleLabel.Noise)];

    [Fact]
    public void Should_visit_each_earthquake_four_times_and_every_other_sample_once()
    {
        var labels = Labels();

        var order = EpochOrder.For(labels, earthquakeCopies: 4, seed: 42, epoch: 0);

        Assert.Equal(100 * 4 + 200, order.Length);
        Assert.All(order.GroupBy(i => i), visits => Assert.Equal(labels[visits.Key] == SampleLabel.Earthquake ? 4 : 1, visits.Count()));
    }

    [Fact]
    public void Should_spread_the_copies_over_the_batches()
    {
        var labels = Labels();

        var order = EpochOrder.For(labels, earthquakeCopies: 4, seed: 42, epoch: 0);

        // Two thirds of the visits are earthquakes; every batch of 60 should hold some of each kind.
        foreach (var batch in order.Chunk(60))
        {
            var earthquakes = batch.Count(i => labels[i] == SampleLabel.Earthquake);
            Assert.InRange(earthquakes, 20, 55);
        }
    }

    [Fact]
    public void Should_repeat_an_epoch_for_the_same_seed_and_differ_between_epochs()
    {
        var labels = Labels();

        Assert.Equal(EpochOrder.For(labels, 4, 42, 3), EpochOrder.For(labels, 4, 42, 3));
        Assert.NotEqual(EpochOrder.For(labels, 4, 42, 3), EpochOrder.For(labels, 4, 42, 4));
    }
}
