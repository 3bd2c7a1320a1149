namespace Seismic.Contracts.Ingest;

/// <summary>One phase pick at the array, as QuakeML describes it.</summary>
public sealed record PickHint
{
    /// <summary>Station code of the pick, e.g. "ARCES" for the array beam or "ARA0" for a site.</summary>
    public required string StationCode { get; init; }

    /// <summary>Phase name, e.g. "Pn", "Pg", "Sn", "Lg".</summary>
    public required string PhaseHint { get; init; }

    public required DateTime TimeUtc { get; init; }

    /// <summary>Back-azimuth measured at the array, degrees clockwise from north.</summary>
    public double? BackAzimuthDeg { get; init; }

    /// <summary>Horizontal slowness measured at the array, seconds per degree (QuakeML's unit).</summary>
    public double? HorizontalSlownessSPerDeg { get; init; }
}
