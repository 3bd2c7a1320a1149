namespace Seismic.Inference.Voting;

/// <summary>One decision for an event from the windows that cover it.</summary>
public sealed record EventDecision(
    EventLabel Label,
    double MeanDetectorProbability,
    double MeanClassifierProbability,
    IReadOnlyDictionary<EventLabel, int> Votes);

/// <summary>
/// Combines the windows over an event as the seed did: every window votes with its own label, the
/// majority wins, and the mean probability of each head is reported beside it.
/// </summary>
public static class EventVote
{
    /// <summary>
    /// A tie is broken by the mean probabilities, not (as the seed's np.unique/argmax did) by alphabetical
    /// order, which always favoured "earthquake" over "explosion": the label the mean probabilities give
    /// wins among the tied ones; if it is not among them, the tied label that comes first in
    /// noise, earthquake, explosion order does.
    /// </summary>
    public static EventDecision Decide(IReadOnlyList<WindowProbabilities> windows, DecisionThresholds thresholds)
    {
        if (windows.Count == 0)
            throw new ArgumentException("an event needs at least one window to vote", nameof(windows));

        var votes = Enum.GetValues<EventLabel>().ToDictionary(label => label, _ => 0);
        foreach (var window in windows)
            votes[thresholds.Label(window)]++;

        var meanDetector = windows.Average(window => window.Detector);
        var meanClassifier = windows.Average(window => window.Classifier);
        var most = votes.Values.Max();
        var tied = votes.Where(vote => vote.Value == most).Select(vote => vote.Key).ToList();
        var byMeans = thresholds.Label(new WindowProbabilities(meanDetector, meanClassifier));
        var label = tied.Contains(byMeans) ? byMeans : tied.Min();

        return new EventDecision(label, meanDetector, meanClassifier, votes);
    }
}
