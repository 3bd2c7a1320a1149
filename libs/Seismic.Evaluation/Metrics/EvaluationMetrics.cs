using Seismic.Evaluation.Scoring;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Metrics;

/// <summary>
/// The figures of a model on a set of scored windows, counted from probabilities at the model card's
/// thresholds, the same way training validates: the detector on every window (positive = event), the
/// classifier on true events only (positive = explosion; its loss never saw noise), and the three-way
/// confusion of the combined decision. Windows without a true label are not counted.
/// </summary>
public sealed class EvaluationMetrics
{
    private EvaluationMetrics(DecisionThresholds thresholds, BinaryMetrics detector, BinaryMetrics classifier, ConfusionMatrix confusion)
    {
        Thresholds = thresholds;
        Detector = detector;
        Classifier = classifier;
        Confusion = confusion;
    }

    public DecisionThresholds Thresholds { get; }

    public BinaryMetrics Detector { get; }

    public BinaryMetrics Classifier { get; }

    public ConfusionMatrix Confusion { get; }

    public static EvaluationMetrics Of(IEnumerable<ScoredWindow> windows, DecisionThresholds thresholds)
    {
        var detector = new BinaryMetrics(thresholds.Detector);
        var classifier = new BinaryMetrics(thresholds.Classifier);
        var confusion = new ConfusionMatrix();
        foreach (var window in windows)
        {
            if (window.TrueLabel is not { } truth)
                continue;
            detector.Add(window.Probabilities.Detector, truth != EventLabel.Noise);
            if (truth != EventLabel.Noise)
                classifier.Add(window.Probabilities.Classifier, truth == EventLabel.Explosion);
            confusion.Add(truth, thresholds.Label(window.Probabilities));
        }
        return new EvaluationMetrics(thresholds, detector, classifier, confusion);
    }

    /// <summary>
    /// The figures by name, as model cards name them: e.g. prefix "test_" gives "test_detector_f1",
    /// "test_classifier_recall" and "test_accuracy" (the three-way accuracy).
    /// </summary>
    public IReadOnlyDictionary<string, double> Named(string prefix) =>
        Detector.Named(prefix + "detector_")
            .Concat(Classifier.Named(prefix + "classifier_"))
            .Append(KeyValuePair.Create(prefix + "accuracy", Confusion.Accuracy))
            .ToDictionary();
}
