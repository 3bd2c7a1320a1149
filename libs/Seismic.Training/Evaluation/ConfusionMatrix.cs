using Seismic.Training.Data;

namespace Seismic.Training.Evaluation;

/// <summary>Counts of true label (rows) against predicted label (columns), in the order noise, earthquake, explosion.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts = new int[3, 3];

    public void Add(SampleLabel actual, SampleLabel predicted) => _counts[(int)actual, (int)predicted]++;

    public int this[SampleLabel actual, SampleLabel predicted] => _counts[(int)actual, (int)predicted];

    public int Total => _counts.Cast<int>().Sum();

    /// <summary>Each row divided by its total (0 for an empty row), as the seed's normalised plot showed.</summary>
    public double Normalized(SampleLabel actual, SampleLabel predicted)
    {
        var row = Enumerable.Range(0, 3).Sum(column => _counts[(int)actual, column]);
        return row == 0 ? 0 : (double)this[actual, predicted] / row;
    }

    /// <summary>A plain-text table for logs and reports.</summary>
    public override string ToString()
    {
        var labels = Enum.GetValues<SampleLabel>();
        var lines = new List<string> { $"{"true \\ predicted",-18}" + string.Concat(labels.Select(l => $"{l,12}")) };
        lines.AddRange(labels.Select(actual => $"{actual,-18}" + string.Concat(labels.Select(predicted => $"{this[actual, predicted],12}"))));
        return string.Join(Environment.NewLine, lines);
    }
}
