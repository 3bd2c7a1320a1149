using Seismic.Datasets.SeisBench;
using Seismic.Evaluation.Scoring;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Analysis;

/// <summary>Counts of probabilities in equal bins over [0, 1]; a probability of exactly 1 goes in the last bin.</summary>
public sealed record ProbabilityHistogram(IReadOnlyList<int> Counts)
{
    /// <summary>The seed's bin count for its probability plots.</summary>
    public const int DefaultBinCount = 50;

    public double BinWidth => 1.0 / Counts.Count;

    public static ProbabilityHistogram Of(IEnumerable<double> probabilities, int binCount = DefaultBinCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var counts = new int[binCount];
        foreach (var p in probabilities)
        {
            if (double.IsNaN(p))
                continue;
            counts[Math.Clamp((int)(p * binCount), 0, binCount - 1)]++;
        }
        return new ProbabilityHistogram(counts);
    }
}

/// <summary>
/// The probabilities the two heads gave the windows of one dataset label, and what the windows were
/// predicted as: the seed's "&lt;label&gt;_prob_distributions" plots, one per label, induced events apart.
/// </summary>
public sealed record ClassDistribution(string DatasetLabel, int Windows, ProbabilityHistogram Detector, ProbabilityHistogram Classifier, IReadOnlyDictionary<EventLabel, int> Predicted)
{
    /// <summary>One distribution per dataset label present, in the order noise, earthquake, explosion, induced.</summary>
    public static IReadOnlyList<ClassDistribution> Of(IEnumerable<ScoredWindow> windows, int binCount = ProbabilityHistogram.DefaultBinCount)
    {
        string[] order = [DatasetLabels.Noise, DatasetLabels.Earthquake, DatasetLabels.Explosion, DatasetLabels.Induced];
        return windows
            .GroupBy(w => w.DatasetLabel, StringComparer.Ordinal)
            .OrderBy(g => Array.IndexOf(order, g.Key) is var i && i >= 0 ? i : order.Length)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ClassDistribution(
                g.Key,
                g.Count(),
                ProbabilityHistogram.Of(g.Select(w => w.Probabilities.Detector), binCount),
                ProbabilityHistogram.Of(g.Select(w => w.Probabilities.Classifier), binCount),
                Enum.GetValues<EventLabel>().ToDictionary(label => label, label => g.Count(w => w.Predicted == label))))
            .ToList();
    }
}
