namespace Seismic.Metadata.QuakeMl;

/// <summary>The association of a pick with an origin.</summary>
public sealed record Arrival
{
    public required string PublicId { get; init; }

    public required string PickId { get; init; }

    /// <summary>Phase as interpreted by the locator, e.g. "Pn".</summary>
    public required string Phase { get; init; }

    /// <summary>Azimuth from the epicentre to the station, degrees clockwise from north.</summary>
    public double? AzimuthDeg { get; init; }

    /// <summary>Epicentral distance in degrees.</summary>
    public double? DistanceDeg { get; init; }

    public double? TimeResidualS { get; init; }

    public double? TimeWeight { get; init; }
}
