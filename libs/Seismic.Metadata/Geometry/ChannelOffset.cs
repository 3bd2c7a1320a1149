using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Geometry;

/// <summary>Where a channel's sensor sits relative to the array reference point.</summary>
public sealed record ChannelOffset
{
    public required ChannelId Id { get; init; }

    public required double EastKm { get; init; }

    public required double NorthKm { get; init; }

    /// <summary>Channel elevation as the inventory gives it (see <see cref="Channel.ElevationM"/>).</summary>
    public required double? ElevationM { get; init; }

    public required double? DepthM { get; init; }
}
