namespace Seismic.Evaluation.Metrics;

/// <summary>
/// Precision, recall, accuracy and F1 of one head, counted from probabilities at a threshold (the seed fed
/// logits to its metrics, so its 0.5 threshold acted on the logit). A fresh instance per epoch and per split:
/// the seed never reset its metric state and shared it between training and validation.
/// </summary>
public sealed class BinaryMetrics(double threshold = 0.5)
{
    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int TrueNegatives { get; private set; }

    public int FalseNegatives { get; private set; }

    public int Count => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    public void Add(double probability, bool actual)
    {
        var predicted = probability > threshold;
        if (predicted && actual) TruePositives++;
        else if (predicted) FalsePositives++;
        else if (actual) FalseNegatives++;
        else TrueNegatives++;
    }

    /// <summary>0 when nothing was predicted positive (as scikit-learn's zero_division=0).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double Accuracy => Ratio(TruePositives + TrueNegatives, Count);

    /// <summary>Recall of the negative class (for the classifier: of earthquakes).</summary>
    public double Specificity => Ratio(TrueNegatives, TrueNegatives + FalsePositives);

    /// <summary>
    /// Mean of the two classes' recalls: calling every window one class scores 0.5 whatever the mix, which plain
    /// accuracy does not (a test day of 18 explosions and 9 earthquakes gives 0.67 for "always explosion").
    /// </summary>
    public double BalancedAccuracy => (Recall + Specificity) / 2;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The figures by name with a prefix, e.g. "val_detector_" gives "val_detector_f1".</summary>
    public IReadOnlyDictionary<string, double> Named(string prefix) => new Dictionary<string, double>
    {
        [prefix + "precision"] = Precision,
        [prefix + "recall"] = Recall,
        [prefix + "accuracy"] = Accuracy,
        [prefix + "balanced_accuracy"] = BalancedAccuracy,
        [prefix + "f1"] = F1,
    };

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
