using System.Globalization;
using ScottPlot;
using Seismic.Evaluation.Analysis;
using Seismic.Evaluation.Metrics;
using Seismic.Evaluation.Scoring;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Reports;

/// <summary>The evaluation's figures as PNG files (ScottPlot 5, drawn with SkiaSharp, no display needed).</summary>
public static class EvaluationPlots
{
    public const int WidthPx = 900;
    public const int HeightPx = 650;
    public const int ConfusionWidthPx = 800;
    public const int ConfusionHeightPx = 700;

    private static readonly Color MissedColor = Colors.OrangeRed;
    private static readonly Color MistakeColor = Colors.SteelBlue;
    private static readonly Color DetectorColor = Colors.Red;
    private static readonly Color ClassifierColor = Colors.Blue;

    /// <summary>
    /// The three-way confusion matrix as a heat map coloured by row share, so a rare class's row is as readable
    /// as the common noise row; each cell shows its count and its percentage of the true class.
    /// </summary>
    public static void ConfusionMatrix(string path, ConfusionMatrix matrix, string title)
    {
        var labels = Enum.GetValues<EventLabel>();
        var shares = new double[labels.Length, labels.Length];
        foreach (var actual in labels)
        {
            foreach (var predicted in labels)
                shares[(int)actual, (int)predicted] = matrix.Normalized(actual, predicted);
        }

        var plot = new Plot();
        // ScottPlot draws row 0 of the intensities at the top, and centres cell (row r, column c) on x = c, y = n − 1 − r.
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "share of the true class";

        var top = labels.Length - 1;
        foreach (var actual in labels)
        {
            foreach (var predicted in labels)
            {
                var share = matrix.Normalized(actual, predicted);
                var text = plot.Add.Text(
                    string.Create(CultureInfo.InvariantCulture, $"{matrix[actual, predicted]}\n{share * 100:0.0} %"),
                    (int)predicted, top - (int)actual);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = 20;
                text.LabelFontColor = share > 0.5 ? Colors.White : Colors.Black;
            }
        }

        var names = labels.Select(TrueClass.Name).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. labels.Select(l => (double)(int)l)], names);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. labels.Select(l => (double)(top - (int)l))],
            [.. labels.Select(l => $"{TrueClass.Name(l)} (n={matrix.RowTotal(l)})")]);
        plot.XLabel("predicted");
        plot.YLabel("true");
        plot.Title(title);
        plot.HideGrid();
        plot.SavePng(path, ConfusionWidthPx, ConfusionHeightPx);
    }

    /// <summary>
    /// Mistake rates per bin: events the detector missed and events with a wrong three-way label, side by
    /// side, with the number of events of each bin written above it.
    /// </summary>
    public static void MistakeRates(string path, MistakeRateTable table, string title)
    {
        var plot = new Plot();
        var missed = new List<Bar>();
        var mistakes = new List<Bar>();
        foreach (var bin in table.Bins.Where(b => b.Events > 0))
        {
            var width = Math.Max(bin.Upper - bin.Lower, 1e-9);
            missed.Add(new Bar { Position = bin.Center - width / 5, Value = bin.MissedRate, Size = width * 0.38, FillColor = MissedColor });
            mistakes.Add(new Bar { Position = bin.Center + width / 5, Value = bin.MistakeRate, Size = width * 0.38, FillColor = MistakeColor });
        }
        var missedBars = plot.Add.Bars(missed);
        missedBars.LegendText = "missed by the detector (called noise)";
        var mistakeBars = plot.Add.Bars(mistakes);
        mistakeBars.LegendText = "wrong label (missed or wrong kind of event)";

        foreach (var bin in table.Bins)
        {
            var tallest = bin.Events > 0 ? Math.Max(bin.MissedRate, bin.MistakeRate) : 0;
            var count = plot.Add.Text(bin.Events.ToString(CultureInfo.InvariantCulture), bin.Center, tallest + 0.02);
            count.Alignment = Alignment.MiddleLeft;
            count.LabelRotation = -90;
            count.LabelFontSize = 11;
        }

        plot.Axes.SetLimitsY(0, 1.3);
        if (table.Bins.Count > 0)
            plot.Axes.SetLimitsX(table.Bins[0].Lower - (table.Bins[0].Upper - table.Bins[0].Lower), table.Bins[^1].Upper + (table.Bins[^1].Upper - table.Bins[^1].Lower));
        plot.XLabel($"{table.Quantity} ({table.Unit})");
        plot.YLabel("share of the bin's events (count of events above each bin)");
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, WidthPx, HeightPx);
    }

    /// <summary>
    /// Histograms of the two heads' probabilities for the windows of one dataset label, with the decision
    /// thresholds, and what the windows were predicted as in the title (the seed drew that as a table).
    /// </summary>
    public static void Distribution(string path, ClassDistribution distribution, DecisionThresholds thresholds, string title)
    {
        var plot = new Plot();
        AddHistogram(plot, distribution.Detector, DetectorColor, "detector (event probability)");
        AddHistogram(plot, distribution.Classifier, ClassifierColor, "classifier (explosion probability)");
        var detectorLine = plot.Add.VerticalLine(thresholds.Detector, 2, DetectorColor, LinePattern.Dashed);
        detectorLine.LegendText = string.Create(CultureInfo.InvariantCulture, $"detector threshold {thresholds.Detector:0.###}");
        var classifierLine = plot.Add.VerticalLine(thresholds.Classifier, 2, ClassifierColor, LinePattern.Dotted);
        classifierLine.LegendText = string.Create(CultureInfo.InvariantCulture, $"classifier threshold {thresholds.Classifier:0.###}");

        var predicted = string.Join(", ", distribution.Predicted.Select(p => $"{TrueClass.Name(p.Key)} {p.Value}"));
        plot.Title($"{title}\n{distribution.DatasetLabel}: {distribution.Windows} windows; predicted {predicted}");
        plot.XLabel("probability");
        plot.YLabel("windows");
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsX(0, 1);
        plot.ShowLegend(Alignment.UpperCenter);
        plot.SavePng(path, WidthPx, HeightPx);
    }

    private static void AddHistogram(Plot plot, ProbabilityHistogram histogram, Color color, string legend)
    {
        var bars = histogram.Counts.Select((count, i) => new Bar
        {
            Position = (i + 0.5) * histogram.BinWidth,
            Value = count,
            Size = histogram.BinWidth,
            FillColor = color.WithAlpha(0.45),
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars).LegendText = legend;
    }
}
