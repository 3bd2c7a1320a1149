using System.Globalization;
using Seismic.Metadata.Geometry;

namespace Seismic.Figures.Maps;

/// <summary>
/// Natural Earth 1:110m land outlines (public domain), shipped in this assembly (Maps/land-110m.txt, made once by
/// tools/coastlines/convert.py from the npm package world-atlas): nothing is fetched at run time.
/// </summary>
public static class Coastlines
{
    private static readonly Lazy<IReadOnlyList<GeoPoint[]>> Pieces = new(Load);

    /// <summary>The outlines as pieces of polyline, latitude and longitude in degrees.</summary>
    public static IReadOnlyList<GeoPoint[]> Land => Pieces.Value;

    private static List<GeoPoint[]> Load()
    {
        using var stream = typeof(Coastlines).Assembly.GetManifestResourceStream("Seismic.Figures.Maps.land-110m.txt")
            ?? throw new InvalidOperationException("The coastlines resource Maps/land-110m.txt is missing from Seismic.Figures.");
        using var reader = new StreamReader(stream);
        var pieces = new List<GeoPoint[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            pieces.Add([.. line.Split(';').Select(pair =>
            {
                var lonLat = pair.Split(' ');
                return new GeoPoint(double.Parse(lonLat[1], CultureInfo.InvariantCulture), double.Parse(lonLat[0], CultureInfo.InvariantCulture));
            })]);
        }
        return pieces;
    }
}
