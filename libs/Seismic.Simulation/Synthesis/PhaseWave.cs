using System.Numerics;
using Seismic.Metadata.Propagation;

namespace Seismic.Simulation.Synthesis;

/// <summary>
/// One phase of one event as a plane wave: its spectrum (onset at <see cref="OnsetIndex"/> of an FFT buffer,
/// in m/s), and how it projects onto vertical, radial and transverse. P has one series (Z and R); S two, SH on
/// the transverse and SV on radial and vertical.
/// </summary>
internal sealed record PhaseWave
{
    public required PhaseArrival Arrival { get; init; }

    /// <summary>Arrival at the array reference.</summary>
    public required DateTime ArrivalUtc { get; init; }

    public required int OnsetIndex { get; init; }

    /// <summary>P, or SH.</summary>
    public required Complex[] Primary { get; init; }

    /// <summary>SV; null for P.</summary>
    public Complex[]? Secondary { get; init; }

    /// <summary>Weights of the primary series on (Z, R, T).</summary>
    public required (double Z, double R, double T) PrimaryWeights { get; init; }

    public (double Z, double R, double T) SecondaryWeights { get; init; }

    public int Length => Primary.Length;
}
