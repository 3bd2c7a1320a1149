using System.Globalization;
using System.Text;
using System.Text.Json;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

public sealed class ArrayGeometryTests
{
    private static readonly DateTime Okhotsk = Utc.Parse("2012-08-14T03:00:00");

    /// <summary>An ARCES inventory as NORSAR would publish it: each site's BHZ at its true (geodesic) position.</summary>
    private static Inventory SyntheticArces()
    {
        var xml = new StringBuilder("""
            <FDSNStationXML xmlns="http://www.fdsn.org/xml/station/1" schemaVersion="1.1">
              <Source>test</Source>
              <Created>2024-01-01T00:00:00</Created>
              <Network code="NO" startDate="1987-01-01T00:00:00">
            """);
        foreach (var (site, offset) in ArcesGeometry.Sites)
        {
            var p = ArcesGeometry.Locate(offset);
            var lat = p.LatitudeDeg.ToString("R", CultureInfo.InvariantCulture);
            var lon = p.LongitudeDeg.ToString("R", CultureInfo.InvariantCulture);
            xml.Append(CultureInfo.InvariantCulture, $"""
                <Station code="{site}" startDate="1987-01-01T00:00:00">
                  <Latitude>{lat}</Latitude><Longitude>{lon}</Longitude><Elevation>400</Elevation>
                  <Channel code="BHZ" locationCode="" startDate="2014-09-19T00:00:00">
                    <Latitude>{lat}</Latitude><Longitude>{lon}</Longitude><Elevation>400</Elevation><Depth>0</Depth>
                    <Azimuth>0</Azimuth><Dip>-90</Dip><SampleRate>40</SampleRate>
                  </Channel>
                </Station>
                """);
        }

        xml.Append("</Network></FDSNStationXML>");
        return StationXmlReader.Parse(xml.ToString(), "synthetic ARCES");
    }

    [Fact]
    public void Should_turn_a_synthetic_arces_inventory_back_into_the_published_offsets()
    {
        var offsets = ArrayGeometry.StationOffsets(SyntheticArces(), ArcesGeometry.Reference, Utc.Parse("2020-01-01T00:00:00"));

        Assert.Equal(ArcesGeometry.Sites.Select(s => s.Site), offsets.Select(o => o.StationCode));
        foreach (var (offset, (_, expected)) in offsets.Zip(ArcesGeometry.Sites))
        {
            Assert.Equal("NO", offset.NetworkCode);
            Assert.Equal(expected.EastKm, offset.EastKm, 0.001);
            Assert.Equal(expected.NorthKm, offset.NorthKm, 0.001);
            Assert.Equal(400.0, offset.ElevationM);
        }
    }

    [Fact]
    public void Should_give_channel_offsets_of_the_channels_active_at_a_time()
    {
        var inventory = SyntheticArces();

        var before = ArrayGeometry.ChannelOffsets(inventory.ChannelsActiveAt(Utc.Parse("2010-01-01T00:00:00")), ArcesGeometry.Reference);
        var after = ArrayGeometry.ChannelOffsets(inventory.ChannelsActiveAt(Utc.Parse("2020-01-01T00:00:00")), ArcesGeometry.Reference);

        Assert.Empty(before);
        Assert.Equal(26, after.Count);
        var d3 = after.Single(o => o.Id == ChannelId.Parse("NO.ARD3..BHZ"));
        Assert.Equal(1.651, d3.EastKm, 0.001);
        Assert.Equal(0.188, d3.NorthKm, 0.001);
        Assert.Equal(0.0, d3.DepthM);
    }

    [Fact]
    public void Should_lay_the_yellowknife_lines_out_north_south_and_east_west()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.Yellowknife("array_yellowknife.xml"));
        var ykr8 = inventory.Networks[0].Stations.Single(s => s.Code == "YKR8");

        var offsets = ArrayGeometry.StationOffsets(inventory, new GeoPoint(ykr8.LatitudeDeg, ykr8.LongitudeDeg), Okhotsk);

        var ykb = offsets.Where(o => o.StationCode.StartsWith("YKB", StringComparison.Ordinal)).ToList();
        var ykr = offsets.Where(o => o.StationCode.StartsWith("YKR", StringComparison.Ordinal)).ToList();
        Assert.Equal(18, offsets.Count);
        Assert.All(ykb, o => Assert.InRange(o.EastKm, -0.1, 0.2));
        Assert.All(ykr, o => Assert.InRange(o.NorthKm, -0.05, 0.05));
        Assert.InRange(ykb.Max(o => o.NorthKm) - ykb.Min(o => o.NorthKm), 22.0, 23.0);
        Assert.InRange(ykr.Max(o => o.EastKm) - ykr.Min(o => o.EastKm), 19.5, 20.5);
        var ykb0 = offsets.Single(o => o.StationCode == "YKB0");
        Assert.Equal((62.6059 - 62.4931) * 111.5, ykb0.NorthKm, 0.05);
    }

    [Fact]
    public void Should_find_the_yellowknife_centroid_of_the_derived_geometry_file()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.Yellowknife("array_yellowknife.xml"));
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.Yellowknife("array-geometry-and-event-azimuth.json")));
        var centroid = json.RootElement.GetProperty("centroid");

        var computed = ArrayGeometry.Centroid(inventory, Okhotsk);

        Assert.Equal(centroid.GetProperty("latitude").GetDouble(), computed.LatitudeDeg, 1e-6);
        Assert.Equal(centroid.GetProperty("longitude").GetDouble(), computed.LongitudeDeg, 1e-6);
    }

    [Fact]
    public void Should_measure_the_agfa_array_aperture_at_about_60_m()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.Agfa("agfainventory.xml"));
        var reference = ArrayGeometry.Centroid(inventory, Utc.Parse("2008-02-17T11:05:00"));

        var offsets = ArrayGeometry.StationOffsets(inventory, reference, Utc.Parse("2008-02-17T11:05:00"));

        var aperture = offsets.SelectMany(a => offsets.Select(b => Math.Sqrt(Math.Pow(a.EastKm - b.EastKm, 2) + Math.Pow(a.NorthKm - b.NorthKm, 2)))).Max();
        Assert.Equal(5, offsets.Count);
        Assert.InRange(aperture * 1000, 50, 70);
        Assert.Equal(0.0, offsets.Average(o => o.EastKm), 1e-6);
        Assert.Equal(0.0, offsets.Average(o => o.NorthKm), 1e-6);
    }

    [Fact]
    public void Should_leave_out_stations_not_active_at_the_time()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.StationXml("stationxml_BK.CMB.__.LKS.xml"));

        Assert.Empty(ArrayGeometry.StationOffsets(inventory, new GeoPoint(38, -120), Utc.Parse("1990-01-01T00:00:00")));
        Assert.Single(ArrayGeometry.StationOffsets(inventory, new GeoPoint(38, -120), Utc.Parse("2005-01-01T00:00:00")));
    }
}
