namespace Seismic.Metadata.Propagation;

/// <summary>
/// A one-layer crust over a mantle half-space, the textbook model behind regional travel times: the crustal
/// phases (Pg, Lg) travel the hypocentral distance at crustal velocities, the head waves (Pn, Sn) at mantle
/// velocities plus an intercept time set by the Moho depth. Values are those of the Fennoscandian shield in
/// round numbers; with a 36 km crust the Pn/Pg crossover falls at about 200 km, as observed in northern
/// Fennoscandia, so the mines at 200-420 km have Pn first and Pg close behind.
/// </summary>
public sealed record CrustModel
{
    public double MohoDepthKm { get; init; } = 36.0;

    /// <summary>Crustal P, the Pg velocity (Jeffreys-Bullen 6.5; Fennoscandian Pg is nearer 6.2).</summary>
    public double CrustPVelocityKmPerS { get; init; } = 6.2;

    /// <summary>Crustal S used for the Sn intercept.</summary>
    public double CrustSVelocityKmPerS { get; init; } = 3.6;

    /// <summary>Uppermost-mantle P, the Pn velocity.</summary>
    public double MantlePVelocityKmPerS { get; init; } = 8.0;

    /// <summary>Uppermost-mantle S, the Sn velocity.</summary>
    public double MantleSVelocityKmPerS { get; init; } = 4.5;

    /// <summary>Lg group velocity; also used as its apparent velocity across the array (see docs/simulation.md).</summary>
    public double LgVelocityKmPerS { get; init; } = 3.5;

    public static CrustModel Fennoscandia { get; } = new();

    /// <summary>The phases that exist at this distance and depth, in no particular order.</summary>
    public IReadOnlyList<PhaseArrival> Arrivals(double distanceKm, double depthKm)
    {
        var depth = Math.Clamp(depthKm, 0.0, MohoDepthKm - 1.0);
        var hypocentralKm = Math.Sqrt((distanceKm * distanceKm) + (depth * depth));
        var arrivals = new List<PhaseArrival>
        {
            new(RegionalPhase.Pg, hypocentralKm / CrustPVelocityKmPerS, CrustPVelocityKmPerS),
            new(RegionalPhase.Lg, hypocentralKm / LgVelocityKmPerS, LgVelocityKmPerS),
        };

        // Head waves exist beyond the critical distance; the source depth shortens the down-going leg.
        var legsKm = (2.0 * MohoDepthKm) - depth;
        if (distanceKm >= CriticalDistanceKm(legsKm, CrustPVelocityKmPerS, MantlePVelocityKmPerS))
        {
            arrivals.Add(new(RegionalPhase.Pn, (distanceKm / MantlePVelocityKmPerS) + (legsKm * VerticalSlowness(CrustPVelocityKmPerS, MantlePVelocityKmPerS)), MantlePVelocityKmPerS));
        }

        if (distanceKm >= CriticalDistanceKm(legsKm, CrustSVelocityKmPerS, MantleSVelocityKmPerS))
        {
            arrivals.Add(new(RegionalPhase.Sn, (distanceKm / MantleSVelocityKmPerS) + (legsKm * VerticalSlowness(CrustSVelocityKmPerS, MantleSVelocityKmPerS)), MantleSVelocityKmPerS));
        }

        return arrivals;
    }

    /// <summary>The first P and first S, which is what the array's analysts pick first.</summary>
    public (PhaseArrival P, PhaseArrival S) FirstArrivals(double distanceKm, double depthKm)
    {
        var all = Arrivals(distanceKm, depthKm);
        return (all.Where(a => a.Phase.IsP()).MinBy(a => a.TravelTimeS)!, all.Where(a => !a.Phase.IsP()).MinBy(a => a.TravelTimeS)!);
    }

    /// <summary>Vertical slowness in the crust of the critically refracted ray: sqrt(1/vc^2 - 1/vm^2), s/km.</summary>
    private static double VerticalSlowness(double crustKmPerS, double mantleKmPerS) =>
        Math.Sqrt((1.0 / (crustKmPerS * crustKmPerS)) - (1.0 / (mantleKmPerS * mantleKmPerS)));

    private static double CriticalDistanceKm(double legsKm, double crustKmPerS, double mantleKmPerS) =>
        legsKm * Math.Tan(Math.Asin(crustKmPerS / mantleKmPerS));
}
