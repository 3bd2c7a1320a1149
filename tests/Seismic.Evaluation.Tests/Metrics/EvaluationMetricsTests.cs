using Seismic.Evaluation.Metrics;
using Seismic.Evaluation.Scoring;
using Seismic.Evaluation.Tests.Support;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Tests.Metrics;

public sealed class EvaluationMetricsTests
{
    // Detector: 4 true positives (#3, #4, #6, #7), 1 false positive (#2), 1 true negative (#1), 1 false negative (#5).
    // Classifier on the five events (#3-#7), explosion positive: 2 true positives (#5, #6), 1 false positive (#4), 2 true negatives (#3, #7).
    private static ScoredWindow[] Sample(bool inducedAsEarthquake = true) =>
    [
        Windows.Of("noise", 0.1, 0.3),
        Windows.Of("noise", 0.7, 0.9),
        Windows.Of("earthquake", 0.9, 0.2),
        Windows.Of("earthquake", 0.8, 0.6),
        Windows.Of("explosion", 0.3, 0.9),
        Windows.Of("explosion", 0.95, 0.8),
        Windows.Of("induced", 0.9, 0.1, inducedAsEarthquake: inducedAsEarthquake),
    ];

    [Fact]
    public void Should_count_the_detector_on_every_window_with_events_positive()
    {
        var metrics = EvaluationMetrics.Of(Sample(), Windows.Thresholds);

        Assert.Equal((4, 1, 1, 1), (metrics.Detector.TruePositives, metrics.Detector.FalsePositives, metrics.Detector.TrueNegatives, metrics.Detector.FalseNegatives));
        Assert.Equal(0.8, metrics.Detector.Precision, 12);
        Assert.Equal(0.8, metrics.Detector.Recall, 12);
        Assert.Equal(0.8, metrics.Detector.F1, 12);
        Assert.Equal(5.0 / 7, metrics.Detector.Accuracy, 12);
    }

    [Fact]
    public void Should_count_the_classifier_on_true_events_only_with_explosions_positive()
    {
        var metrics = EvaluationMetrics.Of(Sample(), Windows.Thresholds);

        Assert.Equal(5, metrics.Classifier.Count);
        Assert.Equal(2.0 / 3, metrics.Classifier.Precision, 12);
        Assert.Equal(1.0, metrics.Classifier.Recall, 12);
        Assert.Equal(0.8, metrics.Classifier.F1, 12);
        Assert.Equal(0.8, metrics.Classifier.Accuracy, 12);
    }

    [Fact]
    public void Should_fill_the_confusion_matrix_with_induced_events_as_earthquakes()
    {
        var confusion = EvaluationMetrics.Of(Sample(), Windows.Thresholds).Confusion;

        int[,] expected = { { 1, 0, 1 }, { 0, 2, 1 }, { 1, 0, 1 } };
        foreach (var actual in Enum.GetValues<EventLabel>())
        {
            foreach (var predicted in Enum.GetValues<EventLabel>())
                Assert.Equal(expected[(int)actual, (int)predicted], confusion[actual, predicted]);
        }
        Assert.Equal(4.0 / 7, confusion.Accuracy, 12);
    }

    [Fact]
    public void Should_leave_induced_events_out_when_the_model_was_trained_without_them()
    {
        var metrics = EvaluationMetrics.Of(Sample(inducedAsEarthquake: false), Windows.Thresholds);

        Assert.Equal(6, metrics.Confusion.Total);
        Assert.Equal(2, metrics.Confusion.RowTotal(EventLabel.Earthquake));
        Assert.Equal(4, metrics.Classifier.Count);
    }

    [Fact]
    public void Should_name_the_figures_as_model_cards_do()
    {
        var named = EvaluationMetrics.Of(Sample(), Windows.Thresholds).Named("test_");

        Assert.Equal(0.8, named["test_detector_f1"], 12);
        Assert.Equal(1.0, named["test_classifier_recall"], 12);
        Assert.Equal(4.0 / 7, named["test_accuracy"], 12);
        Assert.Equal(11, named.Count); // precision, recall, accuracy, balanced accuracy and F1 of each head, and the three-way accuracy
    }
}
