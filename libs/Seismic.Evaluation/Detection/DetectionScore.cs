using Seismic.Datasets.SeisBench;

namespace Seismic.Evaluation.Detection;

/// <summary>An event the pipeline reported: where it put the onset and what it called it.</summary>
public sealed record ReportedEvent(string EventId, DateTime OnsetUtc, string Label, double BackAzimuthDeg);

/// <summary>A truth event and the report that found it.</summary>
/// <param name="Truth">The catalog's event.</param>
/// <param name="Reported">The report matched to it.</param>
/// <param name="OnsetErrorS">Reported onset minus the truth P, seconds.</param>
public sealed record DetectionMatch(TruthEvent Truth, ReportedEvent Reported, double OnsetErrorS);

/// <summary>Recall and precision of a set of truth events, with the visibility class they were counted in.</summary>
public sealed record RecallByClass(string Visibility, int Events, int Detected)
{
    public double Recall => Events == 0 ? double.NaN : Detected / (double)Events;
}

/// <summary>How well continuous detection found a truth catalog's events, and how well it classified those it found.</summary>
public sealed record DetectionScore
{
    public required IReadOnlyList<TruthEvent> Truth { get; init; }

    public required IReadOnlyList<ReportedEvent> Reported { get; init; }

    public required IReadOnlyList<DetectionMatch> Matches { get; init; }

    /// <summary>Reports that match no truth event.</summary>
    public IEnumerable<ReportedEvent> FalseAlarms => Reported.Except(Matches.Select(m => m.Reported));

    /// <summary>Truth events no report matched.</summary>
    public IEnumerable<TruthEvent> Missed => Truth.Except(Matches.Select(m => m.Truth));

    public double Recall => Truth.Count == 0 ? double.NaN : Matches.Count / (double)Truth.Count;

    public double Precision => Reported.Count == 0 ? double.NaN : Matches.Count / (double)Reported.Count;

    /// <summary>Median of |onset error|, seconds.</summary>
    public double MedianOnsetErrorS => Quantile(Matches.Select(m => Math.Abs(m.OnsetErrorS)), 0.5);

    /// <summary>90th percentile of |onset error|, seconds.</summary>
    public double OnsetError90S => Quantile(Matches.Select(m => Math.Abs(m.OnsetErrorS)), 0.9);

    /// <summary>On matched events, [true, predicted] counts with earthquake first: [[eq→eq, eq→ex], [ex→eq, ex→ex]].</summary>
    public int[,] Confusion
    {
        get
        {
            var counts = new int[2, 2];
            foreach (var match in Matches)
            {
                var truth = match.Truth.Label == DatasetLabels.Explosion ? 1 : 0;
                var predicted = match.Reported.Label == DatasetLabels.Explosion ? 1 : 0;
                counts[truth, predicted]++;
            }
            return counts;
        }
    }

    /// <summary>Share of matched events given their true class.</summary>
    public double ClassificationAccuracy => Matches.Count == 0 ? double.NaN
        : Matches.Count(m => (m.Truth.Label == DatasetLabels.Explosion) == (m.Reported.Label == DatasetLabels.Explosion)) / (double)Matches.Count;

    private static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return double.NaN;
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}

/// <summary>
/// Matches reported events to truth events one to one, closest onsets first, within a tolerance: a report whose
/// onset is within <c>toleranceS</c> of a truth P found that event. Two events closer together than a window
/// can be reported as one; the second then counts as missed, which is what an analyst would see.
/// </summary>
public static class DetectionScoring
{
    public static DetectionScore Score(IReadOnlyList<TruthEvent> truth, IReadOnlyList<ReportedEvent> reported, double toleranceS)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(reported);
        var candidates = truth
            .SelectMany(t => reported.Select(r => (Truth: t, Reported: r, ErrorS: (r.OnsetUtc - t.PUtc).TotalSeconds)))
            .Where(c => Math.Abs(c.ErrorS) <= toleranceS)
            .OrderBy(c => Math.Abs(c.ErrorS));
        var matchedTruth = new HashSet<TruthEvent>();
        var matchedReports = new HashSet<ReportedEvent>();
        var matches = new List<DetectionMatch>();
        foreach (var (t, r, errorS) in candidates)
        {
            if (matchedTruth.Contains(t) || matchedReports.Contains(r))
                continue;
            matchedTruth.Add(t);
            matchedReports.Add(r);
            matches.Add(new DetectionMatch(t, r, errorS));
        }
        return new DetectionScore { Truth = truth, Reported = reported, Matches = matches.OrderBy(m => m.Truth.PUtc).ToList() };
    }
}
