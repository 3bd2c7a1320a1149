namespace Seismic.Contracts.Classification;

/// <summary>The model's output for one input window of the beams.</summary>
public sealed record WindowClassification
{
    public required DateTime WindowStartUtc { get; init; }

    /// <summary>Sigmoid of the detector head: probability that the window holds an event, 0-1.</summary>
    public required double DetectorProbability { get; init; }

    /// <summary>Sigmoid of the classifier head: probability that the event is an explosion, 0-1.</summary>
    public required double ClassifierProbability { get; init; }

    public required PredictedLabel Label { get; init; }
}
