using Seismic.Evaluation.Scoring;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Analysis;

/// <summary>
/// One bin of a mistake-rate table: the true events whose quantity lies in [<see cref="Lower"/>,
/// <see cref="Upper"/>) (the last bin includes its upper edge), and how many of them the model got wrong.
/// </summary>
public sealed record MistakeRateBin(double Lower, double Upper, int Events, int Missed, int Mistakes)
{
    /// <summary>Share of the bin's events the detector called noise; NaN for an empty bin.</summary>
    public double MissedRate => Events == 0 ? double.NaN : (double)Missed / Events;

    /// <summary>Share of the bin's events whose three-way label is wrong (missed, or the wrong kind); NaN for an empty bin.</summary>
    public double MistakeRate => Events == 0 ? double.NaN : (double)Mistakes / Events;

    public double Center => (Lower + Upper) / 2;
}

/// <summary>Mistake rates of true events binned by one quantity, with the events that have no value for it counted aside.</summary>
public sealed record MistakeRateTable(string Quantity, string Unit, IReadOnlyList<MistakeRateBin> Bins, int EventsWithoutValue);

/// <summary>
/// The seed's mistake-rate charts (predict.py): true events only (noise has no distance or magnitude), in
/// equal-width bins, both for detector mistakes alone (event called noise) and for the combined three-way
/// label. The counts travel with the rates so a rate from three events is not read like one from three hundred.
/// </summary>
public static class MistakeRates
{
    /// <summary>The seed's bin count.</summary>
    public const int DefaultBinCount = 20;

    public static MistakeRateTable ByDistance(IEnumerable<ScoredWindow> windows, int binCount = DefaultBinCount) =>
        By(windows, "epicentral distance", "km", w => w.DistanceKm, binCount);

    public static MistakeRateTable ByMagnitudePerSqrtDistance(IEnumerable<ScoredWindow> windows, int binCount = DefaultBinCount) =>
        By(windows, "magnitude / sqrt(distance)", "1/sqrt(km)", w => w.MagnitudePerSqrtDistance, binCount);

    /// <summary>Equal-width bins from the smallest to the largest value among the true events.</summary>
    public static MistakeRateTable By(IEnumerable<ScoredWindow> windows, string quantity, string unit, Func<ScoredWindow, double?> value, int binCount = DefaultBinCount)
    {
        var events = windows.Where(w => w.TrueLabel is EventLabel.Earthquake or EventLabel.Explosion).ToList();
        var values = events.Select(value).OfType<double>().Where(double.IsFinite).ToList();
        var edges = values.Count == 0 ? [] : EqualWidthEdges(values.Min(), values.Max(), binCount);
        return WithEdges(events, quantity, unit, value, edges);
    }

    /// <summary>
    /// The true events binned at <paramref name="edges"/> (ascending; n + 1 edges make n bins). Events outside
    /// the edges, or without a value, are counted in <see cref="MistakeRateTable.EventsWithoutValue"/>.
    /// </summary>
    public static MistakeRateTable WithEdges(IEnumerable<ScoredWindow> windows, string quantity, string unit, Func<ScoredWindow, double?> value, IReadOnlyList<double> edges)
    {
        for (var i = 1; i < edges.Count; i++)
        {
            if (!(edges[i] >= edges[i - 1]))
                throw new ArgumentException($"bin edges must ascend; edge {i} ({edges[i]}) is below edge {i - 1} ({edges[i - 1]})", nameof(edges));
        }
        var binCount = Math.Max(0, edges.Count - 1);
        var events = new int[binCount];
        var missed = new int[binCount];
        var mistakes = new int[binCount];
        var outside = 0;
        foreach (var window in windows.Where(w => w.TrueLabel is EventLabel.Earthquake or EventLabel.Explosion))
        {
            var bin = value(window) is { } x ? BinOf(x, edges) : -1;
            if (bin < 0)
            {
                outside++;
                continue;
            }
            events[bin]++;
            if (window.IsMissedEvent)
                missed[bin]++;
            if (window.IsMistake)
                mistakes[bin]++;
        }
        var bins = Enumerable.Range(0, binCount)
            .Select(i => new MistakeRateBin(edges[i], edges[i + 1], events[i], missed[i], mistakes[i]))
            .ToList();
        return new MistakeRateTable(quantity, unit, bins, outside);
    }

    /// <summary><paramref name="binCount"/> + 1 edges from <paramref name="min"/> to <paramref name="max"/>; one bin when they are equal.</summary>
    public static IReadOnlyList<double> EqualWidthEdges(double min, double max, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (max <= min)
            return [min, min];
        var width = (max - min) / binCount;
        // The last edge is max itself, not min + n·width, so rounding cannot leave the largest value outside.
        return [.. Enumerable.Range(0, binCount).Select(i => min + i * width), max];
    }

    private static int BinOf(double x, IReadOnlyList<double> edges)
    {
        if (edges.Count < 2 || !double.IsFinite(x) || x < edges[0] || x > edges[^1])
            return -1;
        for (var i = 1; i < edges.Count - 1; i++)
        {
            if (x < edges[i])
                return i - 1;
        }
        return edges.Count - 2;
    }
}
