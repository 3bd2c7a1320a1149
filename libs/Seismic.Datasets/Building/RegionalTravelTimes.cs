namespace Seismic.Datasets.Building;

/// <summary>
/// First P and first S travel times when the catalog has no ARCES pick: a one-layer crust over a mantle
/// half-space with round Fennoscandian-shield values (Moho 36 km; Pg 6.2, Pn 8.0, Lg 3.5, Sn 4.5 km/s).
/// The first arrival is the earlier of the crustal phase (hypocentral distance at crustal velocity) and the
/// head wave (epicentral distance at mantle velocity plus the intercept time of the two crustal legs).
/// At ARCES's regional distances this is within a few seconds of observed Pn/Pg; the window puts P 60 s in,
/// so such an error only shifts the event inside the window.
/// </summary>
public static class RegionalTravelTimes
{
    public const double MohoDepthKm = 36.0;
    public const double CrustPVelocityKmPerS = 6.2;
    public const double MantlePVelocityKmPerS = 8.0;
    public const double CrustSVelocityKmPerS = 3.6;
    public const double LgVelocityKmPerS = 3.5;
    public const double MantleSVelocityKmPerS = 4.5;

    public static double FirstPSeconds(double distanceKm, double depthKm) =>
        FirstArrival(distanceKm, depthKm, CrustPVelocityKmPerS, CrustPVelocityKmPerS, MantlePVelocityKmPerS);

    public static double FirstSSeconds(double distanceKm, double depthKm) =>
        FirstArrival(distanceKm, depthKm, LgVelocityKmPerS, CrustSVelocityKmPerS, MantleSVelocityKmPerS);

    private static double FirstArrival(double distanceKm, double depthKm, double crustalPhaseKmPerS, double crustKmPerS, double mantleKmPerS)
    {
        var depth = Math.Clamp(depthKm, 0.0, MohoDepthKm - 1.0);
        var direct = Math.Sqrt((distanceKm * distanceKm) + (depth * depth)) / crustalPhaseKmPerS;
        var legsKm = (2.0 * MohoDepthKm) - depth;
        var verticalSlownessSPerKm = Math.Sqrt((1.0 / (crustKmPerS * crustKmPerS)) - (1.0 / (mantleKmPerS * mantleKmPerS)));
        var criticalDistanceKm = legsKm * Math.Tan(Math.Asin(crustKmPerS / mantleKmPerS));
        if (distanceKm < criticalDistanceKm)
        {
            return direct;
        }
        return Math.Min(direct, (distanceKm / mantleKmPerS) + (legsKm * verticalSlownessSPerKm));
    }

    /// <summary>Great-circle distance on a sphere of radius 6371 km.</summary>
    public static double DistanceKm(double latitude1Deg, double longitude1Deg, double latitude2Deg, double longitude2Deg)
    {
        const double earthRadiusKm = 6371.0;
        var phi1 = latitude1Deg * Math.PI / 180.0;
        var phi2 = latitude2Deg * Math.PI / 180.0;
        var dPhi = phi2 - phi1;
        var dLambda = (longitude2Deg - longitude1Deg) * Math.PI / 180.0;
        var a = (Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)) + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2));
        return 2.0 * earthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }
}
