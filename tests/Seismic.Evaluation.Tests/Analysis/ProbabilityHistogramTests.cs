using Seismic.Evaluation.Analysis;
using Seismic.Evaluation.Tests.Support;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Tests.Analysis;

public sealed class ProbabilityHistogramTests
{
    [Fact]
    public void Should_count_probabilities_in_equal_bins_with_one_in_the_last()
    {
        var histogram = ProbabilityHistogram.Of([0, 0.01, 0.5, 0.999, 1.0, double.NaN], binCount: 4);

        Assert.Equal([2, 0, 1, 2], histogram.Counts);
        Assert.Equal(0.25, histogram.BinWidth);
    }

    [Fact]
    public void Should_make_one_distribution_per_dataset_label_in_a_fixed_order()
    {
        var windows = new[]
        {
            Windows.Of("explosion", 0.9, 0.9),
            Windows.Of("induced", 0.9, 0.1),
            Windows.Of("noise", 0.1, 0.9),
            Windows.Of("noise", 0.6, 0.1),
        };

        var distributions = ClassDistribution.Of(windows, binCount: 2);

        Assert.Equal(["noise", "explosion", "induced"], distributions.Select(d => d.DatasetLabel));
        var noise = distributions[0];
        Assert.Equal(2, noise.Windows);
        Assert.Equal([1, 1], noise.Detector.Counts);
        Assert.Equal([1, 1], noise.Classifier.Counts);
        Assert.Equal(1, noise.Predicted[EventLabel.Noise]);
        Assert.Equal(1, noise.Predicted[EventLabel.Earthquake]);
        Assert.Equal(0, noise.Predicted[EventLabel.Explosion]);
    }
}
