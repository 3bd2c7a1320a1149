namespace Seismic.Metadata.Geometry;

/// <summary>Where a station sits relative to the array reference point.</summary>
public sealed record StationOffset
{
    public required string NetworkCode { get; init; }

    public required string StationCode { get; init; }

    public required double EastKm { get; init; }

    public required double NorthKm { get; init; }

    public required double? ElevationM { get; init; }
}
