using Seismic.Training.Models;
using static TorchSharp.torch;

namespace Seismic.Training.Loss;

/// <summary>The loss terms of one batch, each a scalar tensor.</summary>
public sealed record TwoHeadLossTerms(Tensor Total, Tensor Detector, Tensor Classifier);

/// <summary>
/// The seed's loss (Loop.calculate_loss, SPEC.md §4): binary cross-entropy on the logits times the class weight
/// of each sample's true label; the detector term averages over every sample, the classifier term only over
/// events (detector label 1), because noise has no source type; total = detector + classifier.
/// </summary>
public static class TwoHeadLoss
{
    /// <param name="logits">The network's output, each [batch, 1].</param>
    /// <param name="detectorLabels">[batch, 1], 1 for an event, 0 for noise.</param>
    /// <param name="classifierLabels">[batch, 1], 1 for an explosion, 0 for an earthquake; ignored for noise.</param>
    /// <param name="detectorWeights">Class weights of the detector labels.</param>
    /// <param name="classifierWeights">Class weights of the classifier labels.</param>
    public static TwoHeadLossTerms Compute(
        HeadLogits logits,
        Tensor detectorLabels,
        Tensor classifierLabels,
        BinaryClassWeights detectorWeights,
        BinaryClassWeights classifierWeights)
    {
        using var scope = NewDisposeScope();
        var detectorTarget = detectorLabels.to_type(ScalarType.Float32);
        var classifierTarget = classifierLabels.to_type(ScalarType.Float32);

        var detector = WeightedCrossEntropy(logits.Detector, detectorTarget, detectorWeights).mean();

        // The seed took the mean over the events with boolean_mask, which is NaN for a batch without events;
        // here such a batch contributes 0 to the classifier term (and no gradient), not NaN.
        var isEvent = detectorTarget;
        var eventCount = isEvent.sum();
        var classifierSum = (WeightedCrossEntropy(logits.Classifier, classifierTarget, classifierWeights) * isEvent).sum();
        var classifier = classifierSum / eventCount.clamp_min(1);

        var terms = new TwoHeadLossTerms(detector + classifier, detector, classifier);
        terms.Total.MoveToOuterDisposeScope();
        terms.Detector.MoveToOuterDisposeScope();
        terms.Classifier.MoveToOuterDisposeScope();
        return terms;
    }

    private static Tensor WeightedCrossEntropy(Tensor logits, Tensor target, BinaryClassWeights weights)
    {
        var crossEntropy = nn.functional.binary_cross_entropy_with_logits(logits, target, reduction: nn.Reduction.None);
        var weight = target * (weights.Label1 - weights.Label0) + weights.Label0;
        return crossEntropy * weight;
    }
}
