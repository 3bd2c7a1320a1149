using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

public sealed class InventoryTests
{
    private static readonly Inventory Anmo = StationXmlReader.ReadFile(SharedData.StationXml("IU_ANMO_BH.xml"));

    [Fact]
    public void Should_list_only_the_epochs_active_at_the_time_asked()
    {
        var in2013 = Anmo.ChannelsActiveAt(Utc.Parse("2013-06-01T00:00:00"));
        var in2015 = Anmo.ChannelsActiveAt(Utc.Parse("2015-06-01T00:00:00"));

        Assert.Equal(6, in2013.Count);
        Assert.Equal(6, in2015.Count);
        Assert.All(in2013.Where(c => c.LocationCode == "10"), c => Assert.Equal(Utc.Parse("2012-03-13T08:10:00"), c.StartUtc));
        Assert.All(in2015.Where(c => c.LocationCode == "10"), c => Assert.Equal(Utc.Parse("2014-08-12T00:00:00"), c.StartUtc));
    }

    [Fact]
    public void Should_find_nothing_before_the_first_epoch()
    {
        Assert.Empty(Anmo.ChannelsActiveAt(Utc.Parse("2012-01-01T00:00:00")));
        Assert.Null(Anmo.FindChannel("IU.ANMO.00.BHZ", Utc.Parse("2012-01-01T00:00:00")));
    }

    [Fact]
    public void Should_pick_the_epoch_of_a_channel_that_was_reinstalled()
    {
        var before = Anmo.FindChannel("IU.ANMO.10.BH1", Utc.Parse("2013-06-01T00:00:00"));
        var after = Anmo.FindChannel("IU.ANMO.10.BH1", Utc.Parse("2015-06-01T00:00:00"));

        Assert.Equal(243.0, before?.AzimuthDeg);
        Assert.Equal(57.0, before?.DepthM);
        Assert.Equal(71.0, after?.AzimuthDeg);
        Assert.Equal(90.2, after?.DepthM);
        Assert.Equal(2, Anmo.FindChannels(ChannelId.Parse("IU.ANMO.10.BH1")).Count);
    }

    [Fact]
    public void Should_treat_an_epoch_end_as_inclusive()
    {
        var end = Utc.Parse("2014-08-12T00:00:00");

        var atBoundary = Anmo.ChannelsActiveAt(end).Where(c => c.Id == ChannelId.Parse("IU.ANMO.10.BHZ")).ToList();

        Assert.Equal(2, atBoundary.Count);
    }

    [Theory]
    [InlineData("CN.YKR8..SHZ")]
    [InlineData("CN.YKR8.--.SHZ")]
    [InlineData("CN.YKR8.  .SHZ")]
    public void Should_find_a_two_space_location_channel_by_any_blank_spelling(string id)
    {
        var inventory = StationXmlReader.ReadFile(SharedData.Yellowknife("array_yellowknife.xml"));

        var channel = inventory.FindChannel(id, Utc.Parse("2012-08-14T03:00:00"));

        Assert.NotNull(channel);
        Assert.Equal("  ", channel.LocationCode);
        Assert.Equal(62.4931, channel.LatitudeDeg);
    }

    [Fact]
    public void Should_prefer_the_exact_location_when_blank_spellings_coexist()
    {
        const string xml = """
            <FDSNStationXML xmlns="http://www.fdsn.org/xml/station/1" schemaVersion="1.2">
              <Source>test</Source>
              <Created>2020-01-01T00:00:00</Created>
              <Network code="XX">
                <Station code="ABC">
                  <Latitude>1</Latitude><Longitude>2</Longitude><Elevation>3</Elevation>
                  <Channel code="BHZ" locationCode="  ">
                    <Latitude>1</Latitude><Longitude>2</Longitude><Elevation>3</Elevation><Depth>10</Depth>
                  </Channel>
                  <Channel code="BHZ" locationCode="">
                    <Latitude>1</Latitude><Longitude>2</Longitude><Elevation>3</Elevation><Depth>20</Depth>
                  </Channel>
                </Station>
              </Network>
            </FDSNStationXML>
            """;
        var inventory = StationXmlReader.Parse(xml);
        var time = Utc.Parse("2020-01-01T00:00:00");

        Assert.Equal(20.0, inventory.FindChannel("XX.ABC..BHZ", time)?.DepthM);
        Assert.Equal(10.0, inventory.FindChannel("XX.ABC.  .BHZ", time)?.DepthM);
        Assert.Equal(2, inventory.FindChannels(ChannelId.Parse("XX.ABC.--.BHZ")).Count);
    }

    [Fact]
    public void Should_list_stations_active_at_a_time()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.StationXml("stationxml_BK.CMB.__.LKS.xml"));

        Assert.Single(inventory.StationsActiveAt(Utc.Parse("2005-01-01T00:00:00")));
        Assert.Empty(inventory.StationsActiveAt(Utc.Parse("1995-01-01T00:00:00")));
    }
}
