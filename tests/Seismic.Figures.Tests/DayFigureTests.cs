using ImageMagick;
using Seismic.Figures.Days;
using Seismic.Figures.Maps;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;
using Seismic.TestSupport;

namespace Seismic.Figures.Tests;

public sealed class DayFigureTests
{
    private static readonly DateTime Day = new(2024, 3, 13, 0, 0, 0, DateTimeKind.Utc);
    private static readonly GeoPoint Arces = new(69.5349, 25.5058);

    private static DayFigure Figure(params DayEvent[] events) => new()
    {
        DayUtc = Day,
        ArrayCode = "ARCES",
        ArrayLatitudeDeg = Arces.LatitudeDeg,
        ArrayLongitudeDeg = Arces.LongitudeDeg,
        ModelId = "compact v1",
        Events = events,
        // Two runs of windows with a gap between 10:00 and 11:00.
        Windows = [.. Enumerable.Range(0, 24 * 60).Where(m => m is < 600 or >= 660)
            .Select(m => new DayWindow(Day.AddMinutes(m), m % 97 == 0 ? 0.95 : 0.05))],
        WindowLengthS = 240,
        DetectorThreshold = 0.5,
    };

    private static readonly DayEvent[] Events =
    [
        new("e1", Day.AddHours(3), "explosion", 0.97, 0.88, 160, null),
        new("e2", Day.AddHours(9.5), "earthquake", 0.91, 0.12, 40, 1450),
        new("e3", Day.AddHours(20), "noise", 0.55, 0.4, 280, null),
    ];

    [Fact]
    public void Should_draw_the_overview_at_its_size()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("2024-03-13", "overview.png");

        DayOverview.WritePng(Figure(Events), path);

        using var image = new MagickImage(path);
        Assert.Equal(MagickFormat.Png, image.Format);
        Assert.Equal(((uint)DayOverview.WidthPx, (uint)(DayOverview.TrackHeightPx + DayOverview.EventsHeightPx)), (image.Width, image.Height));
        Assert.Equal([path], Directory.GetFiles(folder.Combine("2024-03-13")));
    }

    [Fact]
    public void Should_draw_the_map_at_its_size_and_the_labels_in_their_colours()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("map.png");

        DayMap.WritePng(Figure(Events), path);

        using var image = new MagickImage(path);
        Assert.Equal(((uint)DayMap.SizePx, (uint)DayMap.SizePx), (image.Width, image.Height));
        var colours = image.Histogram().Keys.Select(c => c.ToHexString()).ToHashSet();
        // The earthquake's dot (RoyalBlue) and the explosion's bearing line (OrangeRed, drawn half transparent over white).
        Assert.Contains("#4169E1", colours);
        Assert.Contains(colours, c => c.StartsWith("#FF", StringComparison.Ordinal) && c != "#FFFFFF" && Convert.ToInt32(c[3..5], 16) < 0xC0 && Convert.ToInt32(c[3..5], 16) > 0x80);
    }

    [Fact]
    public void Should_project_distance_and_direction_from_the_array_true()
    {
        foreach (var (azimuth, distance) in new[] { (0.0, 500.0), (90.0, 1000.0), (200.0, 1800.0) })
        {
            var (east, north) = DayMap.Project(Arces, GreatCircle.Destination(Arces, azimuth, distance));

            Assert.Equal(distance, Math.Sqrt((east * east) + (north * north)), 6);
            Assert.Equal(azimuth, GreatCircle.NormalizeDeg(Math.Atan2(east, north) * 180 / Math.PI), 6);
        }
    }

    [Fact]
    public void Should_size_the_map_to_the_farthest_known_origin()
    {
        Assert.Equal(DayMap.DefaultRadiusKm, DayMap.RadiusKm(Figure(Events[0])));
        Assert.Equal(2000, DayMap.RadiusKm(Figure(Events)));
        Assert.Equal(3500, DayMap.RadiusKm(Figure(Events[1] with { DistanceKm = 2900 })));
    }

    [Fact]
    public void Should_ship_the_coastlines_with_the_northern_norwegian_coast_near_the_array()
    {
        var land = Coastlines.Land;

        Assert.True(land.Count > 100, $"{land.Count} pieces");
        Assert.All(land.SelectMany(piece => piece), p => Assert.True(p.LatitudeDeg is >= -90 and <= 90 && p.LongitudeDeg is >= -180 and <= 180));
        // ARCES is about 150 km from the Barents Sea coast of Finnmark.
        var nearest = land.SelectMany(piece => piece).Min(p => GreatCircle.DistanceKm(Arces, p));
        Assert.InRange(nearest, 50, 250);
    }

    [Fact]
    public void Should_say_the_day_in_words()
    {
        Assert.Equal("3 detections (1 explosion, 1 earthquake, 1 noise)", Figure(Events).Summary());
        Assert.Equal("no detections", Figure().Summary());
    }
}
