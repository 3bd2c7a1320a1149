using System.Globalization;
using ScottPlot;
using Seismic.Figures.Days;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;

namespace Seismic.Figures.Maps;

/// <summary>
/// The day's events around the array, in an azimuthal equidistant projection centred on it: distance and
/// direction from the array are true, so a back-azimuth is a straight line from the centre. An event with a
/// known origin is a dot; one known only by its back-azimuth (a single array cannot tell its distance) is a line
/// along that direction. Coloured by label, over the coastlines, with rings every few hundred km.
/// </summary>
public static class DayMap
{
    public const int SizePx = 850;

    /// <summary>Radius of the map when no event's distance is known: the regional distances ARCES watches.</summary>
    public const double DefaultRadiusKm = 2000;

    public static void WritePng(DayFigure figure, string path)
    {
        ArgumentNullException.ThrowIfNull(figure);
        FigureFiles.WritePng(path, SizePx, (Plot(figure), SizePx));
    }

    /// <summary>The map's radius: the farthest known origin with a margin, at least <see cref="DefaultRadiusKm"/>, at most half the Earth round.</summary>
    public static double RadiusKm(DayFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var farthest = figure.Events.Max(e => e.DistanceKm) ?? 0;
        return Math.Clamp(Math.Ceiling(farthest * 1.15 / 500) * 500, DefaultRadiusKm, 10000);
    }

    /// <summary>Azimuthal equidistant: km east and north of the array along the great circle.</summary>
    public static (double EastKm, double NorthKm) Project(GeoPoint array, GeoPoint point)
    {
        var distance = GreatCircle.DistanceKm(array, point);
        var azimuth = GreatCircle.AzimuthDeg(array, point) * Math.PI / 180;
        return (distance * Math.Sin(azimuth), distance * Math.Cos(azimuth));
    }

    private static Plot Plot(DayFigure figure)
    {
        var plot = new Plot();
        var array = new GeoPoint(figure.ArrayLatitudeDeg, figure.ArrayLongitudeDeg);
        var radius = RadiusKm(figure);

        AddCoastlines(plot, array, radius);
        AddRings(plot, radius);

        foreach (var label in LabelColors.Labels)
        {
            var events = figure.Events.Where(e => e.Label == label).ToList();
            if (events.Count == 0)
                continue;
            var color = LabelColors.Of(label);
            foreach (var e in events.Where(e => e.DistanceKm is null))
            {
                var (east, north) = Along(e.BackAzimuthDeg, radius);
                var bearing = plot.Add.Line(0, 0, east, north);
                bearing.Color = color.WithAlpha(0.45);
                bearing.LineWidth = 1.5f;
            }
            var located = events.Where(e => e.DistanceKm is not null).Select(e => Along(e.BackAzimuthDeg, e.DistanceKm!.Value)).ToList();
            var legend = $"{label}: {events.Count}";
            if (located.Count > 0)
            {
                var dots = plot.Add.ScatterPoints(located.Select(p => p.EastKm).ToArray(), located.Select(p => p.NorthKm).ToArray());
                dots.Color = color;
                dots.MarkerSize = 9;
                dots.LegendText = legend + (located.Count < events.Count ? $" ({events.Count - located.Count} by back-azimuth only)" : "");
            }
            else
            {
                // A legend entry for the lines: one invisible point in the label's colour.
                var entry = plot.Add.ScatterLine(new double[] { 0 }, new double[] { 0 });
                entry.Color = color;
                entry.LineWidth = 2;
                entry.MarkerSize = 0;
                entry.LegendText = legend + " (by back-azimuth only: a single array gives no distance)";
            }
        }

        var station = plot.Add.Marker(0, 0, MarkerShape.FilledTriangleUp, 14, Colors.Black);
        station.LegendText = figure.ArrayCode;

        plot.Title($"{figure.ArrayCode} {figure.DayUtc:yyyy-MM-dd} UTC: {figure.Summary()}\nmodel {figure.ModelId}");
        plot.XLabel("km east of the array");
        plot.YLabel("km north of the array");
        plot.Axes.SetLimits(-radius, radius, -radius, radius);
        plot.Axes.SquareUnits();
        plot.HideGrid();
        plot.Legend.Alignment = Alignment.LowerLeft;
        return plot;
    }

    private static (double EastKm, double NorthKm) Along(double azimuthDeg, double distanceKm)
    {
        var azimuth = azimuthDeg * Math.PI / 180;
        return (distanceKm * Math.Sin(azimuth), distanceKm * Math.Cos(azimuth));
    }

    /// <summary>Each outline piece, cut where it leaves the map (so lines never cross it from outside).</summary>
    private static void AddCoastlines(Plot plot, GeoPoint array, double radiusKm)
    {
        var color = Colors.DarkGreen.WithAlpha(0.8);
        foreach (var piece in Coastlines.Land)
        {
            var run = new List<(double EastKm, double NorthKm)>();
            foreach (var point in piece.Append(new GeoPoint(double.NaN, double.NaN)))
            {
                var inside = !double.IsNaN(point.LatitudeDeg) && GreatCircle.DistanceKm(array, point) <= radiusKm * 1.45;
                if (inside)
                {
                    run.Add(Project(array, point));
                    continue;
                }
                if (run.Count > 1)
                {
                    var line = plot.Add.ScatterLine(run.Select(p => p.EastKm).ToArray(), run.Select(p => p.NorthKm).ToArray());
                    line.Color = color;
                    line.LineWidth = 1;
                }
                run.Clear();
            }
        }
    }

    private static void AddRings(Plot plot, double radiusKm)
    {
        var spacing = radiusKm <= 2500 ? 500 : radiusKm <= 5000 ? 1000 : 2500;
        for (var ring = spacing; ring <= radiusKm; ring += spacing)
        {
            var circle = plot.Add.Circle(0, 0, ring);
            circle.LineColor = Colors.Gray.WithAlpha(0.5);
            circle.LineWidth = 1;
            circle.LinePattern = LinePattern.Dotted;
            circle.FillColor = Colors.Transparent;
            var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{ring} km"), ring * Math.Sin(Math.PI / 4), ring * Math.Cos(Math.PI / 4));
            text.LabelFontColor = Colors.Gray;
            text.LabelFontSize = 11;
        }
    }
}
