using Seismic.Training.Data;

namespace Seismic.Training.Tests;

public sealed class ClassWeightsTests
{
    [Fact]
    public void Should_balance_the_detector_over_all_samples_and_the_classifier_over_events_only()
    {
        // 6 noise, 1 earthquake, 3 explosions.
        SampleLabel[] labels = [.. Enumerable.Repeat(SampleLabel.Noise, 6), SampleLabel.Earthquake, .. Enumerable.Repeat(SampleLabel.Explosion, 3)];

        var (detector, classifier) = ClassWeights.Balanced(labels);

        // Detector: 10 / (2 × 6) and 10 / (2 × 4). Classifier: 4 / (2 × 1) and 4 / (2 × 3).
        Assert.Equal(10.0 / 12, detector.Label0, 12);
        Assert.Equal(10.0 / 8, detector.Label1, 12);
        Assert.Equal(2.0, classifier.Label0, 12);
        Assert.Equal(4.0 / 6, classifier.Label1, 12);
    }

    [Fact]
    public void Should_name_the_missing_class()
    {
        var error = Assert.Throws<InvalidDataException>(() => ClassWeights.Balanced([SampleLabel.Noise, SampleLabel.Earthquake]));

        Assert.Contains("0 explosion", error.Message);
    }
}
