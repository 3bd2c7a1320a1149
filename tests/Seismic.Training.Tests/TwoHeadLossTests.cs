using Seismic.Training.Loss;
using Seismic.Training.Models;
using static TorchSharp.torch;

namespace Seismic.Training.Tests;

[Collection(TorchCollection.Name)]
public sealed class TwoHeadLossTests
{
    private static readonly BinaryClassWeights DetectorWeights = new(Label0: 0.5, Label1: 2.0);
    private static readonly BinaryClassWeights ClassifierWeights = new(Label0: 1.5, Label1: 0.75);

    [Fact]
    public void Loss_of_a_three_window_batch_matches_the_hand_computed_values()
    {
        // Windows: an explosion, a noise window (classifier label 1 as the seed gives noise), an earthquake.
        // BCE(x, y) = ln(1 + eˣ) − x·y.
        // Detector: [2·BCE(2, 1) + 0.5·BCE(−1, 0) + 2·BCE(0, 1)] / 3 = (2·0.126928 + 0.5·0.313262 + 2·0.693147) / 3 = 0.5989271
        // Classifier, events only: [0.75·BCE(1, 1) + 1.5·BCE(−0.5, 0)] / 2 = (0.75·0.313262 + 1.5·0.474077) / 2 = 0.4730309
        using var terms = Compute(detector: [2f, -1f, 0f], classifier: [1f, 5f, -0.5f], detectorLabels: [1, 0, 1], classifierLabels: [1, 1, 0]);

        Assert.Equal(0.5989271, terms.Detector.item<float>(), 1e-6);
        Assert.Equal(0.4730309, terms.Classifier.item<float>(), 1e-6);
        Assert.Equal(1.0719579, terms.Total.item<float>(), 1e-6);
    }

    [Fact]
    public void Classifier_logit_of_a_noise_window_does_not_change_the_loss()
    {
        using var withSmallLogit = Compute(detector: [2f, -1f, 0f], classifier: [1f, -7f, -0.5f], detectorLabels: [1, 0, 1], classifierLabels: [1, 1, 0]);
        using var withLargeLogit = Compute(detector: [2f, -1f, 0f], classifier: [1f, 9f, -0.5f], detectorLabels: [1, 0, 1], classifierLabels: [1, 1, 0]);

        Assert.Equal(withSmallLogit.Classifier.item<float>(), withLargeLogit.Classifier.item<float>());
    }

    [Fact]
    public void Batch_of_noise_only_has_a_zero_classifier_term_not_nan()
    {
        using var terms = Compute(detector: [-1f, -2f], classifier: [3f, -3f], detectorLabels: [0, 0], classifierLabels: [1, 1]);

        Assert.Equal(0f, terms.Classifier.item<float>());
        Assert.Equal(terms.Detector.item<float>(), terms.Total.item<float>());
    }

    private static DisposableTerms Compute(float[] detector, float[] classifier, float[] detectorLabels, float[] classifierLabels)
    {
        var logits = new HeadLogits(tensor(detector).unsqueeze(1), tensor(classifier).unsqueeze(1));
        var terms = TwoHeadLoss.Compute(logits, tensor(detectorLabels).unsqueeze(1), tensor(classifierLabels).unsqueeze(1), DetectorWeights, ClassifierWeights);
        return new DisposableTerms(terms.Total, terms.Detector, terms.Classifier);
    }

    private sealed record DisposableTerms(Tensor Total, Tensor Detector, Tensor Classifier) : IDisposable
    {
        public void Dispose()
        {
            Total.Dispose();
            Detector.Dispose();
            Classifier.Dispose();
        }
    }
}
