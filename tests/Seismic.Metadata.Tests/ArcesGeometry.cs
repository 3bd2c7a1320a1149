using System.Globalization;
using Seismic.Metadata.Geometry;

namespace Seismic.Metadata.Tests;

/// <summary>The 26 ARCES sites of arces/arces-geometry.csv, in km east and north of the reference.</summary>
internal static class ArcesGeometry
{
    /// <summary>About the centre site ARA0, as arces/SOURCE.md gives it.</summary>
    public static readonly GeoPoint Reference = new(69.53, 25.51);

    public static IReadOnlyList<(string Site, LocalOffset Offset)> Sites { get; } =
        File.ReadAllLines(SharedData.PathOf("arces", "arces-geometry.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (f[0], new LocalOffset(double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture))))
            .ToList();

    /// <summary>Where the site really is: the geodesic from the reference with the offset's length and direction.</summary>
    public static GeoPoint Locate(LocalOffset offset) =>
        Geodesic.Destination(
            Reference,
            Math.Atan2(offset.EastKm, offset.NorthKm) * 180 / Math.PI,
            Math.Sqrt((offset.EastKm * offset.EastKm) + (offset.NorthKm * offset.NorthKm)));
}
