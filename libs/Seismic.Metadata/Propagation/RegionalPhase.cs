namespace Seismic.Metadata.Propagation;

/// <summary>The four regional phases at ARCES distances: P head wave and crustal P, S head wave and crustal S (Lg).</summary>
public enum RegionalPhase
{
    Pn,
    Pg,
    Sn,
    Lg,
}

public static class RegionalPhaseFacts
{
    public static bool IsP(this RegionalPhase phase) => phase is RegionalPhase.Pn or RegionalPhase.Pg;

    public static string Name(this RegionalPhase phase) => phase.ToString();
}

/// <summary>One phase of one event as it reaches the array reference point.</summary>
/// <param name="Phase">Which phase.</param>
/// <param name="TravelTimeS">Origin to the array reference, seconds.</param>
/// <param name="ApparentVelocityKmPerS">Horizontal phase velocity across the array; sets the plane-wave delays.</param>
public sealed record PhaseArrival(RegionalPhase Phase, double TravelTimeS, double ApparentVelocityKmPerS);
