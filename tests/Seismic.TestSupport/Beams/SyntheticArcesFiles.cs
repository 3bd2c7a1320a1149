using Seismic.Beams;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.StationXml;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.TestSupport.Beams;

/// <summary>The synthetic segment as the consumer receives it: miniSEED bytes, and a StationXML-like inventory of ARCES.</summary>
public static class SyntheticArcesFiles
{
    public static readonly GeoPoint Reference = new(69.535, 25.506);

    /// <summary>Every channel of the segment as big-endian float32 miniSEED 2 records.</summary>
    public static byte[] MiniSeed(ArraySegment segment)
    {
        using var stream = new MemoryStream();
        foreach (var channel in segment.Channels)
        {
            var id = ChannelId.Parse(channel.Trace.ChannelId);
            var samples = channel.Trace.Samples.Select(x => (float)x).ToArray();
            var trace = TraceSegment.FromFloat32(
                SourceId.FromSeed(id.Network, id.Station, id.Location, id.Channel), NanoTime.FromDateTime(channel.Trace.StartUtc), channel.Trace.SampleRateHz, samples);
            MiniSeed2Writer.Write(stream, trace);
        }

        return stream.ToArray();
    }

    /// <summary>Network NO with the 26 ARCES sites placed at their geometry offsets, BHZ/BHN/BHE each.</summary>
    public static Inventory Inventory() => new()
    {
        SchemaVersion = "1.2",
        Source = "synthetic",
        CreatedUtc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Networks =
        [
            new Network
            {
                Code = "NO",
                Description = null,
                StartUtc = null,
                EndUtc = null,
                Stations = SyntheticArces.Sites.Select(Station).ToList(),
            },
        ],
    };

    private static Station Station(Seismic.Signal.Arrays.ArraySite site)
    {
        var position = LocalProjection.ToGeographic(Reference, new LocalOffset(site.EastKm, site.NorthKm));
        Channel Channel(string code, double azimuthDeg, double dipDeg) => new()
        {
            Id = new ChannelId("NO", site.Name, "", code),
            StartUtc = null,
            EndUtc = null,
            LatitudeDeg = position.LatitudeDeg,
            LongitudeDeg = position.LongitudeDeg,
            ElevationM = 400,
            DepthM = 0,
            AzimuthDeg = azimuthDeg,
            DipDeg = dipDeg,
            SampleRateHz = 40,
            Sensitivity = null,
        };

        return new Station
        {
            NetworkCode = "NO",
            Code = site.Name,
            StartUtc = null,
            EndUtc = null,
            LatitudeDeg = position.LatitudeDeg,
            LongitudeDeg = position.LongitudeDeg,
            ElevationM = 400,
            SiteName = null,
            Channels = [Channel("BHZ", 0, -90), Channel("BHN", 0, 0), Channel("BHE", 90, 0)],
        };
    }
}
