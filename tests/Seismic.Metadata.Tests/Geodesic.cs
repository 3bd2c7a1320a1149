using Seismic.Metadata.Geometry;

namespace Seismic.Metadata.Tests;

/// <summary>
/// Vincenty's direct solution on the WGS84 ellipsoid (sub-millimetre at array scales): an independent
/// way to place a site at a given distance and azimuth, so the flat-earth projection under test is
/// checked against real geodesy and not against its own inverse.
/// </summary>
internal static class Geodesic
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;
    private const double B = (1 - F) * A;

    public static GeoPoint Destination(GeoPoint start, double azimuthDeg, double distanceKm)
    {
        var s = distanceKm * 1000;
        var alpha1 = azimuthDeg * Math.PI / 180;
        var (sinAlpha1, cosAlpha1) = Math.SinCos(alpha1);
        var tanU1 = (1 - F) * Math.Tan(start.LatitudeDeg * Math.PI / 180);
        var cosU1 = 1 / Math.Sqrt(1 + (tanU1 * tanU1));
        var sinU1 = tanU1 * cosU1;
        var sigma1 = Math.Atan2(tanU1, cosAlpha1);
        var sinAlpha = cosU1 * sinAlpha1;
        var cosSqAlpha = 1 - (sinAlpha * sinAlpha);
        var uSq = cosSqAlpha * ((A * A) - (B * B)) / (B * B);
        var bigA = 1 + (uSq / 16384 * (4096 + (uSq * (-768 + (uSq * (320 - (175 * uSq)))))));
        var bigB = uSq / 1024 * (256 + (uSq * (-128 + (uSq * (74 - (47 * uSq))))));

        var sigma = s / (B * bigA);
        double cos2SigmaM, sinSigma, cosSigma, previous;
        do
        {
            cos2SigmaM = Math.Cos((2 * sigma1) + sigma);
            (sinSigma, cosSigma) = Math.SinCos(sigma);
            var deltaSigma = bigB * sinSigma * (cos2SigmaM + (bigB / 4 * ((cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))
                - (bigB / 6 * cos2SigmaM * (-3 + (4 * sinSigma * sinSigma)) * (-3 + (4 * cos2SigmaM * cos2SigmaM))))));
            previous = sigma;
            sigma = (s / (B * bigA)) + deltaSigma;
        }
        while (Math.Abs(sigma - previous) > 1e-13);

        (sinSigma, cosSigma) = Math.SinCos(sigma);
        cos2SigmaM = Math.Cos((2 * sigma1) + sigma);
        var tmp = (sinU1 * sinSigma) - (cosU1 * cosSigma * cosAlpha1);
        var latitude = Math.Atan2((sinU1 * cosSigma) + (cosU1 * sinSigma * cosAlpha1), (1 - F) * Math.Sqrt((sinAlpha * sinAlpha) + (tmp * tmp)));
        var lambda = Math.Atan2(sinSigma * sinAlpha1, (cosU1 * cosSigma) - (sinU1 * sinSigma * cosAlpha1));
        var c = F / 16 * cosSqAlpha * (4 + (F * (4 - (3 * cosSqAlpha))));
        var l = lambda - ((1 - c) * F * sinAlpha * (sigma + (c * sinSigma * (cos2SigmaM + (c * cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))))));
        return new GeoPoint(latitude * 180 / Math.PI, start.LongitudeDeg + (l * 180 / Math.PI));
    }
}
