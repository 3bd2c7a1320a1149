using Seismic.Evaluation.Metrics;

namespace Seismic.Evaluation.Tests.Metrics;

public sealed class BinaryMetricsTests
{
    [Fact]
    public void Should_count_from_probabilities_at_the_threshold()
    {
        var metrics = new BinaryMetrics(threshold: 0.5);
        // 3 true positives, 1 false positive, 1 false negative, 2 true negatives; 0.5 itself is not above the threshold.
        foreach (var (p, actual) in new[] { (0.9, true), (0.8, true), (0.51, true), (0.7, false), (0.5, true), (0.1, false), (0.2, false) })
            metrics.Add(p, actual);

        Assert.Equal(0.75, metrics.Precision, 12);
        Assert.Equal(0.75, metrics.Recall, 12);
        Assert.Equal(5.0 / 7, metrics.Accuracy, 12);
        Assert.Equal(0.75, metrics.F1, 12);
        Assert.Equal(2.0 / 3, metrics.Specificity, 12);
        Assert.Equal((0.75 + (2.0 / 3)) / 2, metrics.BalancedAccuracy, 12);
        Assert.Equal(0.75, metrics.Named("val_detector_")["val_detector_f1"], 12);
    }

    [Fact]
    public void Should_give_zero_not_nan_when_nothing_is_predicted_positive()
    {
        var metrics = new BinaryMetrics();
        metrics.Add(0.1, actual: true);

        Assert.Equal(0, metrics.Precision);
        Assert.Equal(0, metrics.F1);
    }

    [Fact]
    public void Should_score_one_class_for_everything_at_half_balanced_accuracy_whatever_the_mix()
    {
        var metrics = new BinaryMetrics();
        foreach (var actual in new[] { true, true, true, true, true, true, false, false, false })
            metrics.Add(0.9, actual);

        Assert.Equal(6.0 / 9, metrics.Accuracy, 12);
        Assert.Equal(0.5, metrics.BalancedAccuracy, 12);
    }
}
