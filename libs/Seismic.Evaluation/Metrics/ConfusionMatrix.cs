using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Metrics;

/// <summary>Counts of true label (rows) against predicted label (columns), in the order noise, earthquake, explosion.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts = new int[3, 3];

    public void Add(EventLabel actual, EventLabel predicted) => _counts[(int)actual, (int)predicted]++;

    public int this[EventLabel actual, EventLabel predicted] => _counts[(int)actual, (int)predicted];

    public int Total => _counts.Cast<int>().Sum();

    /// <summary>How many samples of this true label were counted.</summary>
    public int RowTotal(EventLabel actual) => Enumerable.Range(0, 3).Sum(column => _counts[(int)actual, column]);

    /// <summary>The share of samples on the diagonal (0 when empty).</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Enumerable.Range(0, 3).Sum(i => _counts[i, i]) / Total;

    /// <summary>Each row divided by its total (0 for an empty row), as the seed's normalised plot showed.</summary>
    public double Normalized(EventLabel actual, EventLabel predicted)
    {
        var row = RowTotal(actual);
        return row == 0 ? 0 : (double)this[actual, predicted] / row;
    }

    /// <summary>A plain-text table for logs and reports.</summary>
    public override string ToString()
    {
        var labels = Enum.GetValues<EventLabel>();
        var lines = new List<string> { $"{"true \\ predicted",-18}" + string.Concat(labels.Select(l => $"{l,12}")) };
        lines.AddRange(labels.Select(actual => $"{actual,-18}" + string.Concat(labels.Select(predicted => $"{this[actual, predicted],12}"))));
        return string.Join(Environment.NewLine, lines);
    }
}
