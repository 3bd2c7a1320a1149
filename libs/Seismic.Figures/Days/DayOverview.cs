using System.Globalization;
using ScottPlot;

namespace Seismic.Figures.Days;

/// <summary>
/// The day at a glance: on top the detector probability of every window over the day with the threshold and
/// each detection's onset coloured by its label; below, each detection's explosion probability at its onset.
/// </summary>
public static class DayOverview
{
    public const int WidthPx = 1200;
    public const int TrackHeightPx = 380;
    public const int EventsHeightPx = 320;

    public static void WritePng(DayFigure figure, string path)
    {
        ArgumentNullException.ThrowIfNull(figure);
        FigureFiles.WritePng(path, WidthPx, (TrackPlot(figure), TrackHeightPx), (EventsPlot(figure), EventsHeightPx));
    }

    private static double Hours(DayFigure figure, DateTime utc) => (utc - figure.DayUtc).TotalHours;

    private static Plot TrackPlot(DayFigure figure)
    {
        var plot = new Plot();
        var threshold = plot.Add.HorizontalLine(figure.DetectorThreshold);
        threshold.Color = Colors.Gray;
        threshold.LinePattern = LinePattern.Dashed;

        foreach (var e in figure.Events)
        {
            var onset = plot.Add.VerticalLine(Hours(figure, e.OnsetUtc));
            onset.Color = LabelColors.Of(e.Label).WithAlpha(0.7);
            onset.LineWidth = 1.5f;
        }

        // One line per run of consecutive windows: a gap in the data stays a gap, not a straight line across it.
        var step = figure.Windows.Count > 1
            ? figure.Windows.Zip(figure.Windows.Skip(1), (a, b) => (b.StartUtc - a.StartUtc).TotalSeconds).Where(s => s > 0).DefaultIfEmpty(1).Min()
            : 1;
        var run = new List<DayWindow>();
        var first = true;
        void Flush()
        {
            if (run.Count == 0)
                return;
            var half = TimeSpan.FromSeconds(figure.WindowLengthS / 2);
            var track = plot.Add.ScatterLine(
                run.Select(w => Hours(figure, w.StartUtc + half)).ToArray(), run.Select(w => w.DetectorProbability).ToArray());
            track.Color = Colors.Black;
            track.LineWidth = 1;
            if (first)
                track.LegendText = "detector probability of each window (at its centre)";
            first = false;
            run.Clear();
        }
        foreach (var window in figure.Windows)
        {
            if (run.Count > 0 && (window.StartUtc - run[^1].StartUtc).TotalSeconds > 2.5 * step)
                Flush();
            run.Add(window);
        }
        Flush();

        plot.Title($"{figure.ArrayCode} {figure.DayUtc:yyyy-MM-dd} UTC: {figure.Summary()}, model {figure.ModelId}");
        plot.YLabel("detector probability");
        plot.Axes.SetLimits(0, 24, -0.02, 1.02);
        HourTicks(plot);
        plot.Legend.Alignment = Alignment.UpperRight;
        return plot;
    }

    private static Plot EventsPlot(DayFigure figure)
    {
        var plot = new Plot();
        var half = plot.Add.HorizontalLine(0.5);
        half.Color = Colors.Gray;
        half.LinePattern = LinePattern.Dashed;
        foreach (var label in LabelColors.Labels)
        {
            var events = figure.Events.Where(e => e.Label == label).ToList();
            if (events.Count == 0)
                continue;
            var markers = plot.Add.ScatterPoints(
                events.Select(e => Hours(figure, e.OnsetUtc)).ToArray(), events.Select(e => e.ExplosionProbability).ToArray());
            markers.Color = LabelColors.Of(label);
            markers.MarkerSize = 9;
            markers.LegendText = $"{label} ({events.Count})";
        }
        plot.YLabel("explosion probability (event)");
        plot.XLabel($"hours of {figure.DayUtc:yyyy-MM-dd}, UTC");
        plot.Axes.SetLimits(0, 24, -0.02, 1.02);
        HourTicks(plot);
        plot.Legend.Alignment = Alignment.UpperRight;
        return plot;
    }

    private static void HourTicks(Plot plot)
    {
        double[] hours = [.. Enumerable.Range(0, 9).Select(i => i * 3.0)];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            hours, [.. hours.Select(h => h.ToString("00", CultureInfo.InvariantCulture) + ":00")]);
    }
}
