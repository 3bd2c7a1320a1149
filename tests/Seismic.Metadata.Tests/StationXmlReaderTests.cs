using System.Globalization;
using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

public sealed class StationXmlReaderTests
{
    private static Inventory ReadYellowknife() => StationXmlReader.ReadFile(SharedData.Yellowknife("array_yellowknife.xml"));

    [Fact]
    public void Should_read_the_18_yellowknife_SHZ_channels_with_the_two_space_location_code_kept()
    {
        var inventory = ReadYellowknife();

        Assert.Equal("1.0", inventory.SchemaVersion);
        Assert.Equal("IRIS-DMC", inventory.Source);
        var network = Assert.Single(inventory.Networks);
        Assert.Equal("CN", network.Code);
        Assert.Equal("Canadian National Seismograph Network", network.Description);
        var channels = inventory.AllChannels().ToList();
        Assert.Equal(18, channels.Count);
        Assert.All(channels, c =>
        {
            Assert.Equal("SHZ", c.Code);
            Assert.Equal("  ", c.LocationCode);
            Assert.Matches("^YK[BR][0-9]$", c.Id.Station);
        });
        Assert.Equal(9, channels.Count(c => c.Id.Station.StartsWith("YKB", StringComparison.Ordinal)));
        Assert.Equal(9, channels.Count(c => c.Id.Station.StartsWith("YKR", StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_give_every_yellowknife_channel_the_coordinates_rate_and_epoch_of_the_extracted_csv()
    {
        var inventory = ReadYellowknife();
        var rows = File.ReadAllLines(SharedData.Yellowknife("coordinates_SHZ_from_stationxml.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToList();
        Assert.Equal(18, rows.Count);

        foreach (var row in rows)
        {
            var channel = Assert.Single(inventory.FindChannels(new ChannelId(row[0], row[1], row[2], row[3])));
            Assert.Equal(row[2], channel.LocationCode);
            Assert.Equal(Number(row[4]), channel.LatitudeDeg, 1e-9);
            Assert.Equal(Number(row[5]), channel.LongitudeDeg, 1e-9);
            Assert.Equal(Number(row[6]), channel.ElevationM!.Value, 1e-9);
            Assert.Equal(Number(row[7]), channel.DepthM!.Value, 1e-9);
            Assert.Equal(Number(row[8]), channel.SampleRateHz);
            Assert.Equal(Utc.Parse(row[9]), channel.StartUtc);
            Assert.Equal(Utc.Parse(row[10]), channel.EndUtc);
        }
    }

    [Fact]
    public void Should_read_orientation_and_sensitivity_of_a_yellowknife_channel()
    {
        var channel = Assert.Single(ReadYellowknife().FindChannels(ChannelId.Parse("CN.YKB0..SHZ")));

        Assert.Equal(0.0, channel.AzimuthDeg);
        Assert.Equal(-90.0, channel.DipDeg);
        var sensitivity = Assert.IsType<InstrumentSensitivity>(channel.Sensitivity);
        Assert.Equal(9.3339e9, sensitivity.Value);
        Assert.Equal(2.0, sensitivity.FrequencyHz);
        Assert.Equal("M/S", sensitivity.InputUnits);
        Assert.Equal("COUNTS", sensitivity.OutputUnits);
    }

    [Fact]
    public void Should_read_station_level_values_of_the_yellowknife_inventory()
    {
        var station = ReadYellowknife().Networks[0].Stations[0];

        Assert.Equal("CN", station.NetworkCode);
        Assert.Equal("YKB0", station.Code);
        Assert.Equal(62.6059, station.LatitudeDeg);
        Assert.Equal(-114.606, station.LongitudeDeg);
        Assert.Equal(194.2, station.ElevationM);
        Assert.Equal("Yellowknife, NT", station.SiteName);
        Assert.Equal(new DateTime(1989, 1, 25, 0, 0, 0, DateTimeKind.Utc), station.StartUtc);
        Assert.Equal(DateTimeKind.Utc, station.StartUtc!.Value.Kind);
    }

    [Fact]
    public void Should_read_the_agfa_inventory_with_empty_location_codes_and_no_responses()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.Agfa("agfainventory.xml"));
        var rows = File.ReadAllLines(SharedData.Agfa("coordinates_from_stationxml.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToList();

        Assert.Equal(["BW01", "BW02", "BW03", "BW07", "BW08"], inventory.Networks.Single().Stations.Select(s => s.Code));
        var channels = inventory.AllChannels().ToList();
        Assert.Equal(rows.Count, channels.Count);
        foreach (var (channel, row) in channels.Zip(rows))
        {
            Assert.Equal(new ChannelId("BW", row[1], "", "ZH"), channel.Id);
            Assert.Equal(Number(row[4]), channel.LatitudeDeg, 1e-9);
            Assert.Equal(Number(row[5]), channel.LongitudeDeg, 1e-9);
            Assert.Equal(0.45, channel.ElevationM);
            Assert.Null(channel.SampleRateHz);
            Assert.Null(channel.Sensitivity);
            Assert.Null(channel.StartUtc);
        }
    }

    [Fact]
    public void Should_read_the_iris_schema_1_1_single_channel()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.StationXml("IRIS_single_channel_with_response.xml"));

        Assert.Equal("1.1", inventory.SchemaVersion);
        var channel = Assert.Single(inventory.AllChannels());
        Assert.Equal(ChannelId.Parse("IU.ANMO.10.BHZ"), channel.Id);
        Assert.Equal(34.945913, channel.LatitudeDeg);
        Assert.Equal(-106.457122, channel.LongitudeDeg);
        Assert.Equal(1759.0, channel.ElevationM);
        Assert.Equal(57.0, channel.DepthM);
        Assert.Equal(40.0, channel.SampleRateHz);
        Assert.Equal(3.31283e10, channel.Sensitivity!.Value);
        Assert.Equal(0.02, channel.Sensitivity.FrequencyHz);
    }

    [Fact]
    public void Should_leave_sensitivity_value_empty_when_a_polynomial_channel_omits_it()
    {
        var channel = Assert.Single(StationXmlReader.ReadFile(SharedData.StationXml("stationxml_BK.CMB.__.LKS.xml")).AllChannels());

        Assert.Equal("  ", channel.LocationCode);
        Assert.Equal(2.0, channel.DepthM);
        Assert.Equal(1.0, channel.SampleRateHz);
        var sensitivity = Assert.IsType<InstrumentSensitivity>(channel.Sensitivity);
        Assert.Null(sensitivity.Value);
        Assert.Null(sensitivity.FrequencyHz);
        Assert.Equal("C", sensitivity.InputUnits);
        Assert.Equal("COUNTS", sensitivity.OutputUnits);
    }

    [Fact]
    public void Should_read_a_channel_whose_response_is_only_an_instrument_polynomial()
    {
        var channel = Assert.Single(StationXmlReader.ReadFile(SharedData.StationXml("stationxml_IU.ANTO.30.LDO.xml")).AllChannels());

        Assert.Equal(ChannelId.Parse("IU.ANTO.30.LDO"), channel.Id);
        Assert.Equal(Utc.Parse("2012-11-14T21:27:58"), channel.EndUtc);
        Assert.Null(channel.Sensitivity);
    }

    [Fact]
    public void Should_read_all_nine_epochs_of_the_anmo_broadband_channels()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.StationXml("IU_ANMO_BH.xml"));

        Assert.Equal(9, inventory.AllChannels().Count());
        Assert.Equal(3, inventory.AllChannels().Count(c => c.LocationCode == "00"));
        Assert.All(inventory.AllChannels().Where(c => c.LocationCode == "10"), c => Assert.Equal(40.0, c.SampleRateHz));
    }

    [Fact]
    public void Should_read_the_response_list_inventory_down_to_its_channel()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.StationXml("IM_IL31__BHZ.xml"));

        var channel = Assert.Single(inventory.AllChannels());
        Assert.Equal(ChannelId.Parse("IM.IL31..BHZ"), channel.Id);
        Assert.Equal(64.7714, channel.LatitudeDeg);
        Assert.Equal(40.0, channel.SampleRateHz);
    }

    [Fact]
    public void Should_read_the_minimal_document_as_one_network_without_stations()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.StationXml("minimal_station.xml"));

        Assert.Equal("1.2", inventory.SchemaVersion);
        Assert.Equal("OBS", inventory.Source);
        Assert.Equal(new DateTime(2013, 1, 1, 0, 0, 0, DateTimeKind.Utc), inventory.CreatedUtc);
        var network = Assert.Single(inventory.Networks);
        Assert.Equal("PY", network.Code);
        Assert.Empty(network.Stations);
    }

    [Fact]
    public void Should_read_the_document_that_fills_every_element_and_attribute()
    {
        var inventory = StationXmlReader.ReadFile(SharedData.StationXml("full_random_stationxml.xml"));

        Assert.Equal("1.2", inventory.SchemaVersion);
        Assert.Equal("vT.HEbXDVzmI9Jak5SHOC30dI", inventory.Source);
        Assert.Equal(["ebdz", "Cetn60ul"], inventory.Networks.Select(n => n.Code));
        Assert.Equal(4, inventory.Networks.Sum(n => n.Stations.Count));
        Assert.Equal(8, inventory.AllChannels().Count());

        var network = inventory.Networks[0];
        Assert.Equal("qEhqqijuc1XhCirqZl", network.Description);
        Assert.Equal(Utc.Parse("2014-06-11T16:29:13Z"), network.StartUtc);
        var station = network.Stations[0];
        Assert.Equal("rrkqyXsRMJtPa", station.Code);
        Assert.Equal(-17.78, station.LatitudeDeg);
        Assert.Equal(-11.81, station.LongitudeDeg);
        Assert.Equal(-932334367.71, station.ElevationM);
        Assert.Equal("ZkgZ", station.SiteName);

        var first = station.Channels[0];
        Assert.Equal(new ChannelId("ebdz", "rrkqyXsRMJtPa", "mARsF", "kepD5Hi47y"), first.Id);
        Assert.Equal(-53.12, first.LatitudeDeg);
        Assert.Equal(-93.75, first.LongitudeDeg);
        Assert.Equal(218301187.84, first.DepthM);
        Assert.Equal(319.06, first.AzimuthDeg);
        Assert.Equal(-79.66, first.DipDeg);
        Assert.Equal(-1058267605.43, first.SampleRateHz);
        Assert.Null(first.Sensitivity);

        var withSensitivity = Assert.Single(inventory.FindChannels(new ChannelId("ebdz", "ZQIatgoWMP7RvldEnG", "O98kVwGslP", "KO8mmGtSB2RZGby-Z")));
        Assert.Equal(1864830575.59, withSensitivity.SampleRateHz);
        Assert.Equal(2146094428.76, withSensitivity.Sensitivity!.Value);
        Assert.Equal(-1068102168.56, withSensitivity.Sensitivity.FrequencyHz);
        Assert.Equal("m1-pyV", withSensitivity.Sensitivity.InputUnits);
        Assert.Equal("X8BaD.z.ZgNbtIV0p", withSensitivity.Sensitivity.OutputUnits);
    }

    [Fact]
    public void Should_take_the_sample_rate_from_the_ratio_when_no_rate_is_given()
    {
        const string xml = """
            <FDSNStationXML xmlns="http://www.fdsn.org/xml/station/1" schemaVersion="1.2">
              <Source>test</Source>
              <Created>2020-01-01T00:00:00</Created>
              <Network code="NO">
                <Station code="ARA0">
                  <Latitude>69.53</Latitude><Longitude>25.51</Longitude><Elevation>403</Elevation>
                  <Channel code="BHZ" locationCode="">
                    <Latitude>69.53</Latitude><Longitude>25.51</Longitude><Elevation>403</Elevation><Depth>0</Depth>
                    <SampleRateRatio><NumberSamples>80</NumberSamples><NumberSeconds>2</NumberSeconds></SampleRateRatio>
                  </Channel>
                </Station>
              </Network>
            </FDSNStationXML>
            """;

        var channel = Assert.Single(StationXmlReader.Parse(xml).AllChannels());

        Assert.Equal(40.0, channel.SampleRateHz);
        Assert.Null(channel.AzimuthDeg);
        Assert.Null(channel.Sensitivity);
    }

    [Fact]
    public void Should_refuse_a_quakeml_file_naming_the_root_element_found()
    {
        var error = Assert.Throws<MetadataFormatException>(() => StationXmlReader.ReadFile(SharedData.Yellowknife("array_2012-08-14_event.xml")));

        Assert.Contains("expected root element <FDSNStationXML>", error.Message, StringComparison.Ordinal);
        Assert.Contains("found <quakeml>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_the_line_of_malformed_xml()
    {
        const string xml = "<FDSNStationXML xmlns=\"http://www.fdsn.org/xml/station/1\" schemaVersion=\"1.0\">\n<Source>x</Source>\n<Network code=\"XX\">\n</FDSNStationXML>";

        var error = Assert.Throws<MetadataFormatException>(() => StationXmlReader.Parse(xml, "broken.xml"));

        Assert.StartsWith("broken.xml, line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read as XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_document_type_definition_instead_of_expanding_entities()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE FDSNStationXML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <FDSNStationXML xmlns="http://www.fdsn.org/xml/station/1" schemaVersion="1.2"><Source>&secret;</Source></FDSNStationXML>
            """;

        var error = Assert.Throws<MetadataFormatException>(() => StationXmlReader.Parse(xml, "hostile.xml"));

        Assert.StartsWith("hostile.xml: cannot be read as XML", error.Message, StringComparison.Ordinal);
        Assert.Contains("DTD is prohibited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_empty_document()
    {
        using var empty = new MemoryStream();

        var error = Assert.Throws<MetadataFormatException>(() => StationXmlReader.Read(empty, "empty.xml"));

        Assert.StartsWith("empty.xml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_file_line_and_element_when_a_station_has_no_latitude()
    {
        const string xml = """
            <FDSNStationXML xmlns="http://www.fdsn.org/xml/station/1" schemaVersion="1.1">
              <Source>test</Source>
              <Created>2020-01-01T00:00:00</Created>
              <Network code="NO">
                <Station code="ARA0">
                  <Longitude>25.5</Longitude>
                  <Elevation>403</Elevation>
                </Station>
              </Network>
            </FDSNStationXML>
            """;

        var error = Assert.Throws<MetadataFormatException>(() => StationXmlReader.Parse(xml, "arces.xml"));

        Assert.Equal("arces.xml", error.SourceName);
        Assert.Equal(5, error.LineNumber);
        Assert.Equal("FDSNStationXML/Network[NO]/Station[ARA0]", error.ElementPath);
        Assert.Contains("<Latitude> is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_the_element_holding_a_value_that_is_not_a_number()
    {
        const string xml = """
            <FDSNStationXML xmlns="http://www.fdsn.org/xml/station/1" schemaVersion="1.2">
              <Source>test</Source>
              <Created>2020-01-01T00:00:00</Created>
              <Network code="NO">
                <Station code="ARA0">
                  <Latitude>69.53 N</Latitude>
                  <Longitude>25.5</Longitude>
                  <Elevation>403</Elevation>
                </Station>
              </Network>
            </FDSNStationXML>
            """;

        var error = Assert.Throws<MetadataFormatException>(() => StationXmlReader.Parse(xml));

        Assert.Equal(6, error.LineNumber);
        Assert.Equal("FDSNStationXML/Network[NO]/Station[ARA0]/Latitude", error.ElementPath);
        Assert.Contains("'69.53 N'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_a_channel_without_a_code()
    {
        const string xml = """
            <FDSNStationXML xmlns="http://www.fdsn.org/xml/station/1" schemaVersion="1.2">
              <Source>test</Source>
              <Created>2020-01-01T00:00:00</Created>
              <Network code="NO">
                <Station code="ARA0">
                  <Latitude>69.53</Latitude>
                  <Longitude>25.5</Longitude>
                  <Elevation>403</Elevation>
                  <Channel locationCode="">
                    <Latitude>69.53</Latitude>
                    <Longitude>25.5</Longitude>
                    <Elevation>403</Elevation>
                    <Depth>0</Depth>
                  </Channel>
                </Station>
              </Network>
            </FDSNStationXML>
            """;

        var error = Assert.Throws<MetadataFormatException>(() => StationXmlReader.Parse(xml));

        Assert.Equal(9, error.LineNumber);
        Assert.Contains("required attribute 'code' is missing on <Channel>", error.Message, StringComparison.Ordinal);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
