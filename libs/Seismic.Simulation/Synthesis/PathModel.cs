using Seismic.Metadata.Propagation;

namespace Seismic.Simulation.Synthesis;

/// <summary>
/// How big each phase is at the array, and how the path filters it: the Fennoscandian ML scale for the overall
/// level, frequency-dependent Q and kappa for the spectral shape, and relative phase amplitudes that follow what
/// ARCES records (Pn first and strong at the mines, Lg the largest phase on continental paths, Lg blocked on
/// oceanic paths).
/// </summary>
public static class PathModel
{
    /// <summary>Q(f) = Q0 f^eta for P phases: Pn and Pg keep high frequencies far in the shield.</summary>
    public const double PQ0 = 1000.0;

    public const double SQ0 = 560.0;

    /// <summary>Exponent of Q(f) for both wave types; Baltic-shield Lg studies find 0.3-0.5.</summary>
    public const double QExponent = 0.4;

    /// <summary>High-frequency decay at the receiver, exp(-pi kappa f); hard-rock sites have 0.01 s or less.</summary>
    public const double KappaS = 0.01;

    /// <summary>Near-surface P and S velocities that set the angle of incidence, hence the Z/R split.</summary>
    public const double SurfacePVelocityKmPerS = 4.0;

    public const double SurfaceSVelocityKmPerS = 2.3;

    /// <summary>SV over SH amplitude of the S phases.</summary>
    public const double SvOverSh = 0.7;

    /// <summary>
    /// Peak ground displacement (nm, zero to peak, Wood-Anderson equivalent) of the strongest S phase, from the
    /// ML scale of Alsaker et al. (1991) for Norway: ML = log10 A + 0.91 log10 r + 0.00087 r - 1.67, r hypocentral km.
    /// </summary>
    public static double PeakDisplacementNm(double magnitude, double hypocentralKm)
    {
        var r = Math.Max(hypocentralKm, 5.0);
        return Math.Pow(10.0, magnitude - (0.91 * Math.Log10(r)) - (0.00087 * r) + 1.67);
    }

    /// <summary>exp(-pi f t / Q(f)) exp(-pi kappa f) for a phase that travelled <paramref name="travelTimeS"/>.</summary>
    public static double Attenuation(RegionalPhase phase, double frequencyHz, double travelTimeS)
    {
        if (frequencyHz <= 0)
        {
            return 1.0;
        }

        var q = (phase.IsP() ? PQ0 : SQ0) * Math.Pow(frequencyHz, QExponent);
        return Math.Exp(-Math.PI * frequencyHz * ((travelTimeS / q) + KappaS));
    }

    /// <summary>
    /// Peak of a phase relative to the strongest phase of its wave type (P phases are then scaled by the event's
    /// P/S ratio). Pg fades beyond the crossover as its energy leaks into the mantle; Lg is blocked by oceanic crust,
    /// which leaves Sn as the main S phase of the ridge events.
    /// </summary>
    public static double RelativeAmplitude(RegionalPhase phase, double distanceKm, bool oceanicPath) => phase switch
    {
        RegionalPhase.Lg => oceanicPath ? 0.12 : 1.0,
        RegionalPhase.Sn => oceanicPath ? 1.0 : distanceKm < 300 ? 0.3 : 0.45,
        RegionalPhase.Pn => oceanicPath ? 1.0 : distanceKm < 250 ? 0.6 : 1.0,
        RegionalPhase.Pg => oceanicPath ? 0.05 : distanceKm <= 250 ? 1.0 : Math.Exp(-(distanceKm - 250.0) / 250.0),
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    /// <summary>
    /// Vertical and horizontal share of a phase's motion from its angle of incidence at the surface,
    /// sin i = v_surface / v_apparent: P moves along the ray (Z up, R away from the source), SV across it.
    /// </summary>
    public static (double Vertical, double Horizontal) Projection(RegionalPhase phase, double apparentVelocityKmPerS)
    {
        var surface = phase.IsP() ? SurfacePVelocityKmPerS : SurfaceSVelocityKmPerS;
        var sinIncidence = Math.Min(1.0, surface / apparentVelocityKmPerS);
        var cosIncidence = Math.Sqrt(1.0 - (sinIncidence * sinIncidence));
        return phase.IsP() ? (cosIncidence, sinIncidence) : (sinIncidence, cosIncidence);
    }
}
