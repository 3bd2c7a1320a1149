namespace Seismic.Classifier.Processing;

public static class Geography
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>Great-circle distance on a sphere (haversine): ample for reporting epicentral distance in km.</summary>
    public static double DistanceKm(double latitude1Deg, double longitude1Deg, double latitude2Deg, double longitude2Deg)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2Deg - latitude1Deg);
        var dLon = Radians(longitude2Deg - longitude1Deg);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(latitude1Deg)) * Math.Cos(Radians(latitude2Deg)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
