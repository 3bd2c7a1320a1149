using Seismic.Metadata.Geometry;

namespace Seismic.Metadata.Propagation;

/// <summary>
/// Distances and azimuths on a sphere of radius 6371 km. The WGS84 ellipsoid would move a source a few km at
/// 1000 km and the azimuth a few tenths of a degree: far below the beam's resolution and the cells' scatter.
/// </summary>
public static class GreatCircle
{
    public const double EarthRadiusKm = 6371.0;

    public const double KmPerDegree = EarthRadiusKm * Math.PI / 180.0;

    public static double DistanceKm(GeoPoint from, GeoPoint to)
    {
        var phi1 = Rad(from.LatitudeDeg);
        var phi2 = Rad(to.LatitudeDeg);
        var dPhi = phi2 - phi1;
        var dLambda = Rad(to.LongitudeDeg - from.LongitudeDeg);
        var a = (Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)) + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }

    /// <summary>Initial azimuth from <paramref name="from"/> towards <paramref name="to"/>, degrees clockwise from north in [0, 360).</summary>
    public static double AzimuthDeg(GeoPoint from, GeoPoint to)
    {
        var phi1 = Rad(from.LatitudeDeg);
        var phi2 = Rad(to.LatitudeDeg);
        var dLambda = Rad(to.LongitudeDeg - from.LongitudeDeg);
        var y = Math.Sin(dLambda) * Math.Cos(phi2);
        var x = (Math.Cos(phi1) * Math.Sin(phi2)) - (Math.Sin(phi1) * Math.Cos(phi2) * Math.Cos(dLambda));
        return NormalizeDeg(Deg(Math.Atan2(y, x)));
    }

    /// <summary>The point reached by going <paramref name="distanceKm"/> from <paramref name="from"/> along <paramref name="azimuthDeg"/>.</summary>
    public static GeoPoint Destination(GeoPoint from, double azimuthDeg, double distanceKm)
    {
        var delta = distanceKm / EarthRadiusKm;
        var theta = Rad(azimuthDeg);
        var phi1 = Rad(from.LatitudeDeg);
        var lambda1 = Rad(from.LongitudeDeg);
        var phi2 = Math.Asin((Math.Sin(phi1) * Math.Cos(delta)) + (Math.Cos(phi1) * Math.Sin(delta) * Math.Cos(theta)));
        var lambda2 = lambda1 + Math.Atan2(Math.Sin(theta) * Math.Sin(delta) * Math.Cos(phi1), Math.Cos(delta) - (Math.Sin(phi1) * Math.Sin(phi2)));
        var longitude = ((Deg(lambda2) + 540.0) % 360.0) - 180.0;
        return new GeoPoint(Deg(phi2), longitude);
    }

    public static double NormalizeDeg(double deg)
    {
        var wrapped = deg % 360.0;
        wrapped = wrapped < 0 ? wrapped + 360.0 : wrapped;
        return wrapped >= 360.0 ? 0.0 : wrapped;
    }

    private static double Rad(double deg) => deg * Math.PI / 180.0;

    private static double Deg(double rad) => rad * 180.0 / Math.PI;
}
