namespace Seismic.Metadata.Geometry;

/// <summary>A point on the WGS84 ellipsoid.</summary>
public readonly record struct GeoPoint(double LatitudeDeg, double LongitudeDeg)
{
    /// <summary>
    /// Arithmetic mean of the coordinates: for an array a few tens of km wide this is the centroid to
    /// within metres. Not meant for points spread across the antimeridian or near a pole.
    /// </summary>
    public static GeoPoint MeanOf(IEnumerable<GeoPoint> points)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("the mean of no points is undefined", nameof(points));
        }

        return new GeoPoint(list.Average(p => p.LatitudeDeg), list.Average(p => p.LongitudeDeg));
    }
}
