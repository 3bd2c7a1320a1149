namespace Seismic.Inference.Voting;

/// <summary>The three-way label of a window or an event.</summary>
public enum EventLabel
{
    Noise,
    Earthquake,
    Explosion,
}

/// <summary>What the two heads said about one window, as probabilities (sigmoid of the logits).</summary>
public readonly record struct WindowProbabilities(double Detector, double Classifier);

/// <summary>Decision thresholds on the two heads' probabilities.</summary>
public sealed record DecisionThresholds(double Detector, double Classifier)
{
    /// <summary>
    /// Noise unless the detector is above its threshold; then explosion if the classifier is above its
    /// threshold, else earthquake (the seed's label maps: detector 1 = event, classifier 1 = explosion).
    /// </summary>
    public EventLabel Label(WindowProbabilities window) =>
        window.Detector <= Detector ? EventLabel.Noise
        : window.Classifier > Classifier ? EventLabel.Explosion
        : EventLabel.Earthquake;
}
