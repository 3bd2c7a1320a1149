using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

/// <summary>
/// StationXML as data centres and converters really write it loads: a value Seismic does not use never
/// refuses a document (at most it warns), and ObsPy is the yardstick. Each case on its own, in a small document.
/// </summary>
public sealed class StationXmlToleranceTests
{
    private const string Station = """
          <Station code="ARA0">
            <Latitude>69.5349</Latitude><Longitude>25.5058</Longitude><Elevation>403</Elevation>
            <Channel code="BHZ" locationCode="">
              <Latitude>69.5349</Latitude><Longitude>25.5058</Longitude><Elevation>403</Elevation><Depth>0</Depth>
              <Azimuth>0</Azimuth><Dip>-90</Dip><SampleRate>40</SampleRate>
            </Channel>
          </Station>
        """;

    private static string Document(string header = "<Source>NORSAR</Source><Created>2020-01-01T00:00:00Z</Created>", string station = Station, string version = "1.2", string ns = StationXmlReader.Namespace) => $"""
        <FDSNStationXML xmlns="{ns}" schemaVersion="{version}">
          {header}
          <Network code="NO">
        {station}
          </Network>
        </FDSNStationXML>
        """;

    private static (Inventory Inventory, List<MetadataWarning> Warnings) Read(string xml)
    {
        var warnings = new List<MetadataWarning>();
        return (StationXmlReader.Parse(xml, "test.xml", warnings.Add), warnings);
    }

    private static string WithChannelPart(string part, string replacement) => Station.Replace(part, replacement, StringComparison.Ordinal);

    [Fact]
    public void Should_read_an_empty_source_with_a_warning()
    {
        var (inventory, warnings) = Read(Document(header: "<Source/><Created>2020-01-01T00:00:00Z</Created>"));

        Assert.Null(inventory.Source);
        Assert.Equal("BHZ", Assert.Single(inventory.AllChannels()).Code);
        var warning = Assert.Single(warnings);
        Assert.Contains("<Source> is missing or empty", warning.Problem, StringComparison.Ordinal);
        Assert.Equal(2, warning.LineNumber);
    }

    [Fact]
    public void Should_read_a_document_without_source_sender_module_and_created_with_a_warning_for_each_required_one()
    {
        var (inventory, warnings) = Read(Document(header: ""));

        Assert.Null(inventory.Source);
        Assert.Null(inventory.CreatedUtc);
        Assert.Single(inventory.AllChannels());
        Assert.Equal(2, warnings.Count);
        Assert.Contains("<Source> is missing", warnings[0].Problem, StringComparison.Ordinal);
        Assert.Contains("<Created> is missing", warnings[1].Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019-03-07 14:22:05", "2019-03-07T14:22:05Z")]
    [InlineData("2019-03-07T14:22:05.1234567890123+01:00", "2019-03-07T13:22:05.1234567Z")]
    [InlineData("2019-066", "2019-03-07T00:00:00Z")]
    [InlineData("20190307T142205Z", "2019-03-07T14:22:05Z")]
    public void Should_read_created_in_the_odd_formats_obspy_reads(string written, string expected)
    {
        var (inventory, warnings) = Read(Document(header: $"<Source>x</Source><Created>{written}</Created>"));

        Assert.Equal(Utc.Parse(expected), inventory.CreatedUtc);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Should_leave_out_a_created_time_it_cannot_read_with_a_warning()
    {
        var (inventory, warnings) = Read(Document(header: "<Source>x</Source><Created>07/03/2019</Created>"));

        Assert.Null(inventory.CreatedUtc);
        Assert.Contains("'07/03/2019' in <Created> is not an ISO 8601 date-time", Assert.Single(warnings).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Value>6e8</Value><Frequency>1</Frequency><OutputUnits><Name>COUNTS</Name></OutputUnits>", null, "COUNTS", 1.0, "<InputUnits>")]
    [InlineData("<Value>6e8</Value><Frequency>1</Frequency><InputUnits><Name>M/S</Name></InputUnits>", "M/S", null, 1.0, "<OutputUnits>")]
    [InlineData("<Value>6e8</Value><InputUnits><Name>M/S</Name></InputUnits><OutputUnits><Name>COUNTS</Name></OutputUnits>", "M/S", "COUNTS", null, "<Frequency>")]
    [InlineData("<Value>6e8</Value><Frequency>1</Frequency><InputUnits><Name/></InputUnits><OutputUnits><Name>COUNTS</Name></OutputUnits>", null, "COUNTS", 1.0, "<InputUnits>")]
    public void Should_read_a_sensitivity_without_units_or_frequency_with_a_warning(string content, string? input, string? output, double? frequencyHz, string missing)
    {
        var station = WithChannelPart("</Channel>", $"<Response><InstrumentSensitivity>{content}</InstrumentSensitivity></Response></Channel>");

        var (inventory, warnings) = Read(Document(station: station));

        var sensitivity = Assert.IsType<InstrumentSensitivity>(Assert.Single(inventory.AllChannels()).Sensitivity);
        Assert.Equal((6e8, frequencyHz, input, output), (sensitivity.Value, sensitivity.FrequencyHz, sensitivity.InputUnits, sensitivity.OutputUnits));
        Assert.Contains($"the sensitivity has a value but no {missing}", Assert.Single(warnings).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("1.2")]
    [InlineData(" 1.00 ")]
    public void Should_read_every_spelling_of_a_known_schema_version_without_a_warning(string version)
    {
        var (inventory, warnings) = Read(Document(version: version));

        Assert.Equal(version.Trim(), inventory.SchemaVersion);
        Assert.Single(inventory.AllChannels());
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("0.9")]
    [InlineData("1.3")]
    [InlineData("2.0")]
    [InlineData("draft")]
    public void Should_read_an_unknown_schema_version_by_the_1_2_rules_with_a_warning_naming_it(string version)
    {
        var (inventory, warnings) = Read(Document(version: version));

        Assert.Single(inventory.AllChannels());
        var warning = Assert.Single(warnings);
        Assert.Contains($"StationXML schema version {version} is not one this reader knows (1.0, 1.1, 1.2)", warning.Problem, StringComparison.Ordinal);
        Assert.Equal("FDSNStationXML/@schemaVersion", warning.ElementPath);
    }

    [Fact]
    public void Should_read_obspys_schema_2_0_document_with_one_warning_as_obspy_does()
    {
        var warnings = new List<MetadataWarning>();

        var inventory = StationXmlReader.ReadFile(SharedData.StationXml("version20.xml"), warnings.Add);

        Assert.Equal("2.0", inventory.SchemaVersion);
        Assert.Equal("Random Source", inventory.Source);
        Assert.Equal("XX", Assert.Single(inventory.Networks).Code);
        Assert.Contains("schema version 2.0 is not one this reader knows", Assert.Single(warnings).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_a_document_in_a_later_stationxml_namespace_with_a_warning()
    {
        var (inventory, warnings) = Read(Document(ns: "http://www.fdsn.org/xml/station/2", version: "2.0"));

        Assert.Equal("BHZ", Assert.Single(inventory.AllChannels()).Code);
        Assert.Equal(2, warnings.Count);
        Assert.Contains("namespace http://www.fdsn.org/xml/station/2 is not StationXML 1", warnings[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_a_document_without_a_namespace_by_element_names_with_a_warning()
    {
        var (inventory, warnings) = Read(Document(ns: ""));

        Assert.Equal(69.5349, Assert.Single(inventory.AllChannels()).LatitudeDeg);
        Assert.Contains("<FDSNStationXML> is in namespace ''", Assert.Single(warnings).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_skip_vendor_extensions_in_other_namespaces_without_a_word()
    {
        var station = """
              <Station code="ARA0" iris:alternateNetworkCodes="_REALTIME,.UNRESTRICTED" xmlns:iris="http://www.fdsn.org/xml/station/1/iris">
                <Latitude iris:source="GPS">69.5349</Latitude><Longitude>25.5058</Longitude><Elevation>403</Elevation>
                <iris:Extension><iris:Owner>NORSAR</iris:Owner><Latitude>0</Latitude></iris:Extension>
                <Channel code="BHZ" locationCode="" iris:epochNote="reinstalled">
                  <iris:Sensor>STS-2</iris:Sensor>
                  <Latitude>69.5349</Latitude><Longitude>25.5058</Longitude><Elevation>403</Elevation><Depth>0</Depth>
                  <Azimuth>0</Azimuth><Dip>-90</Dip>
                </Channel>
              </Station>
            """;

        var (inventory, warnings) = Read(Document(station: station));

        var channel = Assert.Single(inventory.AllChannels());
        Assert.Equal((69.5349, 0.0, -90.0), (channel.LatitudeDeg, channel.AzimuthDeg!.Value, channel.DipDeg!.Value));
        Assert.Equal(69.5349, inventory.Networks[0].Stations[0].LatitudeDeg);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Should_skip_unknown_elements_a_newer_schema_adds_without_a_word()
    {
        var station = """
              <Station code="ARA0">
                <Latitude>69.5349</Latitude><Longitude>25.5058</Longitude><Elevation>403</Elevation>
                <SourceID>FDSN:NO_ARA0</SourceID>
                <Shelter><Kind>vault</Kind><Latitude>1</Latitude></Shelter>
                <Channel code="BHZ" locationCode="">
                  <Latitude>69.5349</Latitude><Longitude>25.5058</Longitude><Elevation>403</Elevation><Depth>0</Depth>
                  <Azimuth>0</Azimuth><Dip>-90</Dip><SampleRate>40</SampleRate>
                  <Orientation><Roll>0</Roll></Orientation>
                </Channel>
              </Station>
            """;

        var (inventory, warnings) = Read(Document(station: station, version: "1.3"));

        Assert.Equal(40.0, Assert.Single(inventory.AllChannels()).SampleRateHz);
        Assert.Contains("schema version 1.3", Assert.Single(warnings).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2010-01-01T00:00:00", "2010-01-01T00:00:00Z")]
    [InlineData("2010-01-01T00:00:00Z", "2010-01-01T00:00:00Z")]
    [InlineData("2010-01-01T00:00:00+00:00", "2010-01-01T00:00:00Z")]
    [InlineData("2010-01-01T02:00:00+02:00", "2010-01-01T00:00:00Z")]
    [InlineData("2009-12-31T19:00:00-0500", "2010-01-01T00:00:00Z")]
    [InlineData("2010-01-01T00:00:00.5", "2010-01-01T00:00:00.5Z")]
    [InlineData("2010-01-01T00:00:00.123456Z", "2010-01-01T00:00:00.123456Z")]
    [InlineData("2010-01-01T00:00:00.1234567891234Z", "2010-01-01T00:00:00.1234567Z")]
    [InlineData("2010-01-01", "2010-01-01T00:00:00Z")]
    [InlineData("2010-01-01 00:00:00", "2010-01-01T00:00:00Z")]
    [InlineData("2010-001T00:00:00", "2010-01-01T00:00:00Z")]
    [InlineData("20100101T000000", "2010-01-01T00:00:00Z")]
    [InlineData("2010-01-01T00:00", "2010-01-01T00:00:00Z")]
    [InlineData(" 2010-01-01T00:00:00Z ", "2010-01-01T00:00:00Z")]
    public void Should_read_epoch_dates_in_every_form_obspy_accepts(string written, string expected)
    {
        var station = WithChannelPart("<Channel code=\"BHZ\" locationCode=\"\">", $"<Channel code=\"BHZ\" locationCode=\"\" startDate=\"{written}\">");

        var (inventory, warnings) = Read(Document(station: station));

        var start = Assert.Single(inventory.AllChannels()).StartUtc;
        Assert.Equal(Utc.Parse(expected), start);
        Assert.Equal(DateTimeKind.Utc, start!.Value.Kind);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2010-13-01T00:00:00")]
    [InlineData("2010-02-30")]
    [InlineData("2010-01-01T25:00:00")]
    public void Should_refuse_an_epoch_date_it_cannot_read_naming_the_attribute_since_an_open_epoch_would_be_wrong(string written)
    {
        var station = WithChannelPart("<Channel code=\"BHZ\" locationCode=\"\">", $"<Channel code=\"BHZ\" locationCode=\"\" endDate=\"{written}\">");

        var error = Assert.Throws<MetadataFormatException>(() => StationXmlReader.Parse(Document(station: station), "test.xml"));

        Assert.Equal("FDSNStationXML/Network[NO]/Station[ARA0]/Channel[BHZ]/@endDate", error.ElementPath);
        Assert.Contains($"'{written}' is not an ISO 8601 date-time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_empty_optional_numbers_as_absent_with_a_warning_each()
    {
        var station = WithChannelPart("<Azimuth>0</Azimuth><Dip>-90</Dip><SampleRate>40</SampleRate>", "<Azimuth/><Dip></Dip><SampleRate> </SampleRate>");

        var (inventory, warnings) = Read(Document(station: station));

        var channel = Assert.Single(inventory.AllChannels());
        Assert.Equal((null, null, null), (channel.AzimuthDeg, channel.DipDeg, channel.SampleRateHz));
        Assert.Equal(["<Azimuth> is empty; left out", "<Dip> is empty; left out", "<SampleRate> is empty; left out"], warnings.Select(w => w.Problem));
    }

    [Theory]
    [InlineData("n/a")]
    [InlineData("NaN")]
    [InlineData("INF")]
    [InlineData("12,5")]
    public void Should_leave_out_an_optional_number_that_is_not_a_finite_number_with_a_warning(string written)
    {
        var station = WithChannelPart("<Azimuth>0</Azimuth>", $"<Azimuth>{written}</Azimuth>");

        var (inventory, warnings) = Read(Document(station: station));

        Assert.Null(Assert.Single(inventory.AllChannels()).AzimuthDeg);
        Assert.Equal($"'{written}' in <Azimuth> is not a finite number; left out", Assert.Single(warnings).Problem);
    }

    [Fact]
    public void Should_read_coordinates_that_carry_unit_datum_and_uncertainty_attributes_without_a_warning()
    {
        var station = """
              <Station code="ARA0">
                <Latitude unit="DEGREES" datum="WGS84" plusError="0.0001" minusError="0.0001">69.5349</Latitude>
                <Longitude unit="degrees" datum="WGS 84">25.5058</Longitude>
                <Elevation unit="m" plusError="1">403</Elevation>
                <Channel code="BHZ" locationCode="">
                  <Latitude unit="DEGREES" datum="wgs-84">69.5349</Latitude><Longitude unit="DEG">25.5058</Longitude>
                  <Elevation unit="METERS">403</Elevation><Depth unit="M">2.5</Depth>
                  <Azimuth unit="DEGREES">0</Azimuth><Dip unit="DEGREES">-90</Dip>
                </Channel>
              </Station>
            """;

        var (inventory, warnings) = Read(Document(station: station));

        var channel = Assert.Single(inventory.AllChannels());
        Assert.Equal((69.5349, 25.5058, 403.0, 2.5), (channel.LatitudeDeg, channel.LongitudeDeg, channel.ElevationM!.Value, channel.DepthM!.Value));
        Assert.Equal(403.0, inventory.Networks[0].Stations[0].ElevationM);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Should_warn_when_a_unit_or_datum_differs_from_what_the_schema_fixes_and_use_the_number_as_written()
    {
        var station = """
              <Station code="ARA0">
                <Latitude datum="NAD27">69.5349</Latitude><Longitude>25.5058</Longitude><Elevation unit="ft">1322</Elevation>
              </Station>
            """;

        var (inventory, warnings) = Read(Document(station: station));

        var read = inventory.Networks[0].Stations[0];
        Assert.Equal((69.5349, 1322.0), (read.LatitudeDeg, read.ElevationM!.Value));
        Assert.Equal(2, warnings.Count);
        Assert.Contains("datum 'NAD27' is not WGS84", warnings[0].Problem, StringComparison.Ordinal);
        Assert.Contains("unit 'ft' of <Elevation> is not m", warnings[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_a_channel_without_coordinates_at_its_stations_position_naming_the_channel_and_each_element()
    {
        // INGV's fdsnws-station served channels like this; ObsPy drops them, Seismic keeps their orientation.
        var station = """
              <Station code="LATE">
                <Latitude>42.6137</Latitude><Longitude>11.804</Longitude><Elevation>610</Elevation>
                <Channel code="BHZ" locationCode="00">
                  <Azimuth>0</Azimuth><Dip>-90</Dip>
                </Channel>
              </Station>
            """;

        var (inventory, warnings) = Read(Document(station: station));

        var channel = Assert.Single(inventory.AllChannels());
        Assert.Equal((42.6137, 11.804, 610.0, (double?)null), (channel.LatitudeDeg, channel.LongitudeDeg, channel.ElevationM!.Value, channel.DepthM));
        Assert.Equal(-90.0, channel.DipDeg);
        Assert.Equal(4, warnings.Count);
        Assert.All(warnings, w => Assert.Equal("FDSNStationXML/Network[NO]/Station[LATE]/Channel[00.BHZ]", w.ElementPath));
        Assert.Equal(
            ["<Latitude> is missing; the station's latitude is used", "<Longitude> is missing; the station's longitude is used",
             "<Elevation> is missing; the station's elevation is used", "<Depth> is missing; the sensor's depth is unknown"],
            warnings.Select(w => w.Problem));
    }

    [Fact]
    public void Should_read_a_station_without_elevation_with_a_warning()
    {
        var station = """
              <Station code="ARA0"><Latitude>69.5349</Latitude><Longitude>25.5058</Longitude></Station>
            """;

        var (inventory, warnings) = Read(Document(station: station));

        Assert.Null(inventory.Networks[0].Stations[0].ElevationM);
        Assert.Contains("<Elevation> is missing", Assert.Single(warnings).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_station_whose_latitude_is_empty_naming_the_station_and_element()
    {
        var station = """
              <Station code="ARA0"><Latitude/><Longitude>25.5058</Longitude><Elevation>403</Elevation></Station>
            """;

        var error = Assert.Throws<MetadataFormatException>(() => StationXmlReader.Parse(Document(station: station), "arces.xml"));

        Assert.Equal("FDSNStationXML/Network[NO]/Station[ARA0]/Latitude", error.ElementPath);
        Assert.Contains("<Latitude> of station ARA0 is not a finite number; the station's position is needed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_channel_whose_code_is_blank_naming_the_station()
    {
        var station = WithChannelPart("<Channel code=\"BHZ\" locationCode=\"\">", "<Channel code=\" \" locationCode=\"\">");

        var error = Assert.Throws<MetadataFormatException>(() => StationXmlReader.Parse(Document(station: station), "arces.xml"));

        Assert.Equal("FDSNStationXML/Network[NO]/Station[ARA0]/Channel[ ]", error.ElementPath);
        Assert.Contains("attribute 'code' of <Channel> is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_without_reporting_when_no_one_asks_for_warnings()
    {
        var inventory = StationXmlReader.Parse(Document(header: "<Source/>"));

        Assert.Single(inventory.AllChannels());
    }
}
