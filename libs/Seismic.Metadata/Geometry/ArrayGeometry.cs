using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Geometry;

/// <summary>
/// Array site positions as km offsets east and north of a reference point, the form delay-and-sum
/// beamforming and f-k analysis need (a site at (x, y) sees a plane wave from back-azimuth b with
/// slowness s delayed by -s (x sin b + y cos b)). Uses <see cref="LocalProjection"/>.
/// </summary>
public static class ArrayGeometry
{
    /// <summary>Offsets of the stations active at a time, from their station-level coordinates, in document order.</summary>
    public static IReadOnlyList<StationOffset> StationOffsets(Inventory inventory, GeoPoint reference, DateTime timeUtc) =>
        inventory.StationsActiveAt(timeUtc)
            .Select(s =>
            {
                var offset = LocalProjection.ToOffset(reference, new GeoPoint(s.LatitudeDeg, s.LongitudeDeg));
                return new StationOffset
                {
                    NetworkCode = s.NetworkCode,
                    StationCode = s.Code,
                    EastKm = offset.EastKm,
                    NorthKm = offset.NorthKm,
                    ElevationM = s.ElevationM,
                };
            })
            .ToList();

    /// <summary>
    /// Offsets of given channels from their channel-level coordinates, which is where the sensor
    /// actually is (a borehole sensor can sit metres away from the station's nominal position).
    /// </summary>
    public static IReadOnlyList<ChannelOffset> ChannelOffsets(IEnumerable<Channel> channels, GeoPoint reference) =>
        channels
            .Select(c =>
            {
                var offset = LocalProjection.ToOffset(reference, new GeoPoint(c.LatitudeDeg, c.LongitudeDeg));
                return new ChannelOffset
                {
                    Id = c.Id,
                    EastKm = offset.EastKm,
                    NorthKm = offset.NorthKm,
                    ElevationM = c.ElevationM,
                    DepthM = c.DepthM,
                };
            })
            .ToList();

    /// <summary>The mean position of the stations active at a time: a natural reference when the array names none.</summary>
    public static GeoPoint Centroid(Inventory inventory, DateTime timeUtc) =>
        GeoPoint.MeanOf(inventory.StationsActiveAt(timeUtc).Select(s => new GeoPoint(s.LatitudeDeg, s.LongitudeDeg)));
}
