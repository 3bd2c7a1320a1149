using Seismic.Metadata.QuakeMl;

namespace Seismic.Metadata.Tests;

/// <summary>
/// QuakeML as agencies and converters really write it loads: missing optional parts, unknown elements, other
/// namespaces and versions, resource ids in any form. One broken part is left out with a warning naming it and
/// its line; it never loses the catalog.
/// </summary>
public sealed class QuakeMlToleranceTests
{
    private static string Document(string eventContent, string bed = QuakeMlNamespaces.BasicEventDescription, string eventAttributes = "publicID=\"smi:local/event/1\"") => $"""
        <q:quakeml xmlns:q="http://quakeml.org/xmlns/quakeml/1.2" xmlns="{bed}">
          <eventParameters publicID="smi:local/catalog">
            <event {eventAttributes}>
        {eventContent}
            </event>
          </eventParameters>
        </q:quakeml>
        """;

    private const string GoodOrigin = """
              <origin publicID="smi:local/origin/1">
                <time><value>2020-01-01T00:00:00Z</value></time>
                <latitude><value>69.5</value></latitude>
                <longitude><value>25.5</value></longitude>
              </origin>

        """;

    private static (Catalog Catalog, List<MetadataWarning> Warnings) Read(string xml)
    {
        var warnings = new List<MetadataWarning>();
        return (QuakeMlReader.Parse(xml, "catalog.xml", warnings.Add), warnings);
    }

    [Fact]
    public void Should_read_an_event_without_origin_with_a_warning_that_only_its_picks_can_place_it()
    {
        var (catalog, warnings) = Read(Document("""
                  <type>explosion</type>
                  <pick publicID="smi:local/pick/1">
                    <time><value>2020-01-01T00:01:00Z</value></time>
                    <waveformID networkCode="NO" stationCode="ARCES"/>
                    <phaseHint>P</phaseHint>
                  </pick>
            """));

        var quake = Assert.Single(catalog.Events);
        Assert.Equal("explosion", quake.Type);
        Assert.Null(quake.PreferredOrigin);
        Assert.Single(quake.Picks);
        var warning = Assert.Single(warnings);
        Assert.Equal("event smi:local/event/1 has no usable origin: its time and place are unknown, so only its picks can place it", warning.Problem);
        Assert.Equal(3, warning.LineNumber);
    }

    [Fact]
    public void Should_read_an_event_with_only_the_parts_that_are_required_without_a_warning()
    {
        var (catalog, warnings) = Read(Document(GoodOrigin + """
                  <magnitude publicID="smi:local/magnitude/1"><mag><value>2.1</value></mag></magnitude>
            """));

        var quake = Assert.Single(catalog.Events);
        Assert.Null(quake.Type);
        Assert.Null(quake.PreferredOriginId);
        Assert.Null(quake.PreferredOrigin!.DepthM);
        Assert.Null(quake.PreferredMagnitude!.Type);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Should_leave_out_a_pick_without_a_time_naming_file_line_and_pick()
    {
        var (catalog, warnings) = Read(Document(GoodOrigin + """
                  <pick publicID="smi:local/pick/1">
                    <waveformID networkCode="NO" stationCode="ARA0" channelCode="BHZ"/>
                    <phaseHint>P</phaseHint>
                  </pick>
            """));

        Assert.Empty(Assert.Single(catalog.Events).Picks);
        var warning = Assert.Single(warnings);
        Assert.Equal("catalog.xml", warning.SourceName);
        Assert.Equal(9, warning.LineNumber);
        Assert.Equal("quakeml/eventParameters[smi:local/catalog]/event[smi:local/event/1]/pick[smi:local/pick/1]", warning.ElementPath);
        Assert.Equal("pick smi:local/pick/1 has no readable time; left out", warning.Problem);
    }

    [Fact]
    public void Should_leave_out_a_pick_whose_waveform_id_has_no_station_code()
    {
        var (catalog, warnings) = Read(Document(GoodOrigin + """
                  <pick publicID="smi:local/pick/1">
                    <time><value>2020-01-01T00:01:00Z</value></time>
                    <waveformID networkCode="NO"/>
                  </pick>
            """));

        Assert.Empty(Assert.Single(catalog.Events).Picks);
        Assert.Equal(2, warnings.Count);
        Assert.Equal(11, warnings[0].LineNumber);
        Assert.Equal("the waveformID of pick smi:local/pick/1 has no 'stationCode'", warnings[0].Problem);
        Assert.Contains("left out", warnings[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_leave_out_an_origin_whose_time_is_not_a_date_and_say_the_event_has_no_origin()
    {
        var (catalog, warnings) = Read(Document("""
                  <origin publicID="smi:local/origin/1">
                    <time><value>yesterday</value></time>
                    <latitude><value>69.5</value></latitude>
                    <longitude><value>25.5</value></longitude>
                  </origin>
            """));

        Assert.Empty(Assert.Single(catalog.Events).Origins);
        Assert.Equal(
            ["'yesterday' in <value> is not an ISO 8601 date-time; left out", "origin smi:local/origin/1 has no readable time; left out",
             "event smi:local/event/1 has no usable origin: its time and place are unknown, so only its picks can place it"],
            warnings.Select(w => w.Problem));
        Assert.Equal(5, warnings[0].LineNumber);
    }

    [Fact]
    public void Should_fall_back_to_a_usable_origin_when_the_preferred_one_is_left_out_and_say_so()
    {
        var (catalog, warnings) = Read(Document("""
                  <preferredOriginID>smi:local/origin/2</preferredOriginID>
            """ + GoodOrigin + """
                  <origin publicID="smi:local/origin/2">
                    <time><value>2020-01-01T00:00:01Z</value></time>
                    <latitude><value/></latitude>
                    <longitude><value>25.5</value></longitude>
                  </origin>
            """));

        Assert.Equal("smi:local/origin/1", Assert.Single(catalog.Events).PreferredOrigin!.PublicId);
        Assert.Equal(3, warnings.Count);
        Assert.Equal("origin smi:local/origin/2 has no readable latitude; left out", warnings[1].Problem);
        Assert.Contains("names preferred origin smi:local/origin/2, which is not among its usable origins; smi:local/origin/1 is used", warnings[2].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_an_evaluation_mode_outside_the_standard_as_unknown_with_a_warning()
    {
        var (catalog, warnings) = Read(Document(GoodOrigin + """
                  <pick publicID="smi:local/pick/1">
                    <time><value>2020-01-01T00:01:00Z</value></time>
                    <waveformID networkCode="NO" stationCode="ARA0"/>
                    <evaluationMode>guessed</evaluationMode>
                  </pick>
            """));

        var pick = Assert.Single(Assert.Single(catalog.Events).Picks);
        Assert.Null(pick.EvaluationMode);
        var warning = Assert.Single(warnings);
        Assert.Equal(12, warning.LineNumber);
        Assert.Equal("'guessed' is not a valid <evaluationMode> (expected one of: manual, automatic); read as unknown", warning.Problem);
    }

    [Fact]
    public void Should_leave_out_a_magnitude_without_a_value_and_an_arrival_without_a_phase()
    {
        var (catalog, warnings) = Read(Document("""
                  <origin publicID="smi:local/origin/1">
                    <time><value>2020-01-01T00:00:00Z</value></time>
                    <latitude><value>69.5</value></latitude>
                    <longitude><value>25.5</value></longitude>
                    <arrival publicID="smi:local/arrival/1"><pickID>smi:local/pick/1</pickID></arrival>
                    <arrival publicID="smi:local/arrival/2"><pickID>smi:local/pick/2</pickID><phase>Pn</phase></arrival>
                  </origin>
                  <magnitude publicID="smi:local/magnitude/1"><mag><value></value></mag><type>ML</type></magnitude>
            """));

        var quake = Assert.Single(catalog.Events);
        Assert.Equal("Pn", Assert.Single(quake.Origins[0].Arrivals).Phase);
        Assert.Empty(quake.Magnitudes);
        Assert.Equal(
            ["arrival smi:local/arrival/1 has no <phase>; left out", "<value> is empty; left out", "magnitude smi:local/magnitude/1 has no readable <mag>; left out"],
            warnings.Select(w => w.Problem));
    }

    [Fact]
    public void Should_read_empty_or_unreadable_optional_quantities_as_absent()
    {
        var (catalog, warnings) = Read(Document("""
                  <origin publicID="smi:local/origin/1">
                    <time><value>2020-01-01T00:00:00Z</value></time>
                    <latitude><value>69.5</value></latitude>
                    <longitude><value>25.5</value></longitude>
                    <depth><value>unknown</value></depth>
                  </origin>
                  <pick publicID="smi:local/pick/1">
                    <time><value>2020-01-01T00:01:00Z</value></time>
                    <waveformID networkCode="NO" stationCode="ARCES"/>
                    <backazimuth/>
                    <horizontalSlowness><value/></horizontalSlowness>
                  </pick>
            """));

        var quake = Assert.Single(catalog.Events);
        Assert.Null(quake.Origins[0].DepthM);
        Assert.Null(quake.Picks[0].BackazimuthDeg);
        Assert.Null(quake.Picks[0].HorizontalSlownessSPerDeg);
        Assert.Equal(["'unknown' in <value> is not a finite number; left out", "<value> is empty; left out"], warnings.Select(w => w.Problem));
    }

    [Theory]
    [InlineData("http://quakeml.org/xmlns/bed/1.1")]
    [InlineData("http://quakeml.org/xmlns/bed/2.0")]
    [InlineData("urn:example:catalog")]
    public void Should_read_content_in_a_namespace_of_another_version_with_a_warning(string bed)
    {
        var (catalog, warnings) = Read(Document(GoodOrigin, bed));

        Assert.Equal(69.5, Assert.Single(catalog.Events).PreferredOrigin!.LatitudeDeg);
        Assert.Equal($"namespace '{bed}' is not QuakeML 1.2 (http://quakeml.org/xmlns/bed/1.2); read by the 1.2 element names", Assert.Single(warnings).Problem);
    }

    [Fact]
    public void Should_read_the_real_time_bed_namespace_without_a_warning()
    {
        var (catalog, warnings) = Read(Document(GoodOrigin, QuakeMlNamespaces.RealTimeBasicEventDescription));

        Assert.Single(Assert.Single(catalog.Events).Origins);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Should_read_a_bare_event_parameters_document_with_a_warning()
    {
        var xml = $"""
            <eventParameters xmlns="{QuakeMlNamespaces.BasicEventDescription}" publicID="smi:local/catalog">
              <event publicID="smi:local/event/1">{GoodOrigin}</event>
            </eventParameters>
            """;

        var (catalog, warnings) = Read(xml);

        Assert.Single(catalog.Events);
        Assert.Contains("without the <quakeml> wrapper", Assert.Single(warnings).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_skip_elements_and_attributes_in_other_namespaces_and_the_root_attributes_without_a_word()
    {
        var xml = $"""
            <q:quakeml xmlns:q="http://quakeml.org/xmlns/quakeml/1.2" xmlns="{QuakeMlNamespaces.BasicEventDescription}"
                xmlns:iris="http://service.iris.edu/fdsnws/event/1/" xmlns:catalog="http://anss.org/xmlns/catalog/0.1"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://quakeml.org/xmlns/quakeml/1.2 QuakeML-1.2.xsd"
                schemaVersion="1.2" version="1.2">
              <eventParameters publicID="smi:local/catalog" iris:contributor="NORSAR">
                <iris:query>starttime=2020-01-01</iris:query>
                <event publicID="smi:local/event/1" catalog:datasource="no" catalog:eventid="2020a">
                  <catalog:origin><time><value>1999-01-01T00:00:00Z</value></time></catalog:origin>
                  {GoodOrigin}
                  <iris:origin><latitude><value>0</value></latitude></iris:origin>
                  <creationInfo><agencyID>NAO</agencyID><author>analyst</author></creationInfo>
                  <comment><text>checked</text></comment>
                </event>
              </eventParameters>
            </q:quakeml>
            """;

        var (catalog, warnings) = Read(xml);

        var origin = Assert.Single(Assert.Single(catalog.Events).Origins);
        Assert.Equal((Utc.Parse("2020-01-01T00:00:00Z"), 69.5), (origin.TimeUtc, origin.LatitudeDeg));
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("quakeml:us.anss.org/origin/us7000abcd")]
    [InlineData("http://earthquake.usgs.gov/realtime/product/origin/us7000abcd")]
    [InlineData("12345")]
    [InlineData("smi:org.gfz-potsdam.de/geofon/Origin#20200101000000.123456.789")]
    public void Should_take_resource_ids_in_any_form_as_written_and_match_preferred_ids_despite_surrounding_spaces(string id)
    {
        var (catalog, warnings) = Read(Document($"""
                  <preferredOriginID>
                    {id}
                  </preferredOriginID>
                  <origin publicID="  {id} ">
                    <time><value>2020-01-01T00:00:00Z</value></time>
                    <latitude><value>69.5</value></latitude>
                    <longitude><value>25.5</value></longitude>
                  </origin>
            """));

        var quake = Assert.Single(catalog.Events);
        Assert.Equal(id, quake.PreferredOriginId);
        Assert.Equal(id, quake.PreferredOrigin!.PublicId);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Should_make_up_local_ids_for_parts_without_a_public_id_that_the_writer_accepts()
    {
        var (catalog, warnings) = Read(Document(GoodOrigin.Replace("publicID=\"smi:local/origin/1\"", "", StringComparison.Ordinal), eventAttributes: ""));

        var quake = Assert.Single(catalog.Events);
        Assert.Equal("smi:local/event/unnamed-1", quake.PublicId);
        Assert.Equal("smi:local/origin/unnamed-1", quake.Origins[0].PublicId);
        Assert.Equal(["<event> has no publicID; called smi:local/event/unnamed-1", "<origin> has no publicID; called smi:local/origin/unnamed-1"], warnings.Select(w => w.Problem));
        Assert.Empty(QuakeMlWriter.FindProblems(catalog));
    }

    [Fact]
    public void Should_still_refuse_a_document_without_event_parameters_naming_the_root()
    {
        const string xml = """<q:quakeml xmlns:q="http://quakeml.org/xmlns/quakeml/1.2" xmlns="http://quakeml.org/xmlns/bed/1.2"><event publicID="smi:x/e"/></q:quakeml>""";

        var error = Assert.Throws<MetadataFormatException>(() => QuakeMlReader.Parse(xml, "odd.xml"));

        Assert.Equal("quakeml", error.ElementPath);
        Assert.Contains("required element <eventParameters> is missing in <quakeml>", error.Message, StringComparison.Ordinal);
    }
}
