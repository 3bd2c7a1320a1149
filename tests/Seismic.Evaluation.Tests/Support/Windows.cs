using Seismic.Evaluation.Scoring;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Tests.Support;

/// <summary>Scored windows made by hand, labelled with the thresholds every test here uses (0.5 and 0.5).</summary>
internal static class Windows
{
    public static readonly DecisionThresholds Thresholds = new(0.5, 0.5);

    private static int _next;

    public static ScoredWindow Of(
        string datasetLabel, double detector, double classifier, double? distanceKm = null, double? magnitude = null, bool inducedAsEarthquake = true)
    {
        var probabilities = new WindowProbabilities(detector, classifier);
        return new ScoredWindow
        {
            TraceName = $"trace_{Interlocked.Increment(ref _next):D5}",
            DatasetLabel = datasetLabel,
            TrueLabel = TrueClass.Of(datasetLabel, inducedAsEarthquake),
            Probabilities = probabilities,
            Predicted = Thresholds.Label(probabilities),
            DistanceKm = distanceKm,
            Magnitude = magnitude,
        };
    }
}
