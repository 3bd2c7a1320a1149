namespace Seismic.Contracts.Beams;

/// <summary>An arrival found in a segment and where it came from, by f-k on the array's vertical channels.</summary>
public sealed record ArrivalEstimate
{
    /// <summary>Onset of the arrival at the array reference point, UTC.</summary>
    public required DateTime OnsetUtc { get; init; }

    /// <summary>Back-azimuth of the f-k maximum, degrees clockwise from north.</summary>
    public required double BackAzimuthDeg { get; init; }

    /// <summary>Apparent velocity of the f-k maximum, km/s.</summary>
    public required double ApparentVelocityKmPerS { get; init; }

    /// <summary>f-k relative power (semblance, 0-1) of the maximum: how coherent the arrival is across the array.</summary>
    public required double RelativePower { get; init; }

    /// <summary>Peak STA/LTA ratio of the summed P-band energy at the onset: how far it rose above the noise.</summary>
    public required double StaLtaRatio { get; init; }
}
