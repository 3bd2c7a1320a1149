namespace Seismic.Metadata.Geometry;

/// <summary>
/// Flat-earth (local tangent plane) projection on the WGS84 ellipsoid, the approximation array
/// seismology uses for site offsets. North offsets scale latitude by the meridional radius of
/// curvature M at the reference; east offsets scale longitude by the prime-vertical radius N times
/// the cosine of the pair's mean latitude, because at high latitude (ARCES is at 69.5 N) a degree
/// of longitude shrinks noticeably even across a few km of north-south extent.
/// For ARCES (3 km aperture) this agrees with a rigorous ellipsoidal azimuthal-equidistant
/// projection (geodesic distance and azimuth) to 0.6 m, the meridian convergence over the 1.7 km D
/// ring. That is a tiny fraction of one 40 Hz sample of moveout (6.45 km/s * 25 ms = 160 m). The
/// difference grows with the square of the distance (tens of metres at 20 km); use a proper
/// projection for anything much wider than a regional array.
/// A sphere of radius 6371 km would be simpler but is 0.4 % short at 70 N, i.e. 6.6 m at the ARCES
/// D ring, which is why the ellipsoid radii are used.
/// </summary>
public static class LocalProjection
{
    /// <summary>WGS84 semi-major axis.</summary>
    public const double EquatorialRadiusKm = 6378.137;

    /// <summary>WGS84 first eccentricity squared, f (2 - f) with f = 1/298.257223563.</summary>
    public const double EccentricitySquared = 6.69437999014e-3;

    public static LocalOffset ToOffset(GeoPoint reference, GeoPoint point)
    {
        var (meridional, primeVertical) = RadiiOfCurvatureKm(reference.LatitudeDeg);
        var deltaLatitude = DegToRad(point.LatitudeDeg - reference.LatitudeDeg);
        var deltaLongitude = DegToRad(WrapLongitudeDifference(point.LongitudeDeg - reference.LongitudeDeg));
        var meanLatitude = DegToRad((point.LatitudeDeg + reference.LatitudeDeg) / 2);
        return new LocalOffset(
            EastKm: primeVertical * Math.Cos(meanLatitude) * deltaLongitude,
            NorthKm: meridional * deltaLatitude);
    }

    /// <summary>The exact inverse of <see cref="ToOffset"/>: where a site at the given offset lies.</summary>
    public static GeoPoint ToGeographic(GeoPoint reference, LocalOffset offset)
    {
        var (meridional, primeVertical) = RadiiOfCurvatureKm(reference.LatitudeDeg);
        var latitude = reference.LatitudeDeg + RadToDeg(offset.NorthKm / meridional);
        var meanLatitude = DegToRad((latitude + reference.LatitudeDeg) / 2);
        var longitude = reference.LongitudeDeg + RadToDeg(offset.EastKm / (primeVertical * Math.Cos(meanLatitude)));
        return new GeoPoint(latitude, WrapLongitudeDifference(longitude));
    }

    private static (double Meridional, double PrimeVertical) RadiiOfCurvatureKm(double latitudeDeg)
    {
        var sin = Math.Sin(DegToRad(latitudeDeg));
        var w = 1 - (EccentricitySquared * sin * sin);
        var primeVertical = EquatorialRadiusKm / Math.Sqrt(w);
        var meridional = EquatorialRadiusKm * (1 - EccentricitySquared) / (w * Math.Sqrt(w));
        return (meridional, primeVertical);
    }

    /// <summary>Keeps a longitude (difference) in [-180, 180) so arrays across the antimeridian still work.</summary>
    private static double WrapLongitudeDifference(double deg)
    {
        var wrapped = (deg + 180) % 360;
        return (wrapped < 0 ? wrapped + 360 : wrapped) - 180;
    }

    private static double DegToRad(double deg) => deg * Math.PI / 180;

    private static double RadToDeg(double rad) => rad * 180 / Math.PI;
}
