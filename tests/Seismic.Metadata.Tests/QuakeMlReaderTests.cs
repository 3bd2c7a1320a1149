using Seismic.Metadata.QuakeMl;

namespace Seismic.Metadata.Tests;

public sealed class QuakeMlReaderTests
{
    [Fact]
    public void Should_read_the_okhotsk_deep_earthquake_with_depth_converted_to_km()
    {
        var catalog = QuakeMlReader.ReadFile(SharedData.Yellowknife("array_2012-08-14_event.xml"));

        var quake = Assert.Single(catalog.Events);
        Assert.Equal(EventTypes.Earthquake, quake.Type);
        Assert.Equal("SEA OF OKHOTSK", Assert.Single(quake.Descriptions).Text);
        var origin = Assert.IsType<Origin>(quake.PreferredOrigin);
        Assert.Equal(Utc.Parse("2012-08-14T02:59:38.46"), origin.TimeUtc);
        Assert.Equal(DateTimeKind.Utc, origin.TimeUtc.Kind);
        Assert.Equal(49.8, origin.LatitudeDeg);
        Assert.Equal(145.064, origin.LongitudeDeg);
        Assert.Equal(583200.0, origin.DepthM);
        Assert.Equal(583.2, origin.DepthKm!.Value, 1e-9);
        var magnitude = Assert.IsType<Magnitude>(quake.PreferredMagnitude);
        Assert.Equal(7.7, magnitude.Value);
        Assert.Equal("MW", magnitude.Type);
        Assert.Equal(origin.PublicId, magnitude.OriginId);
    }

    [Fact]
    public void Should_read_both_usgs_events_whatever_the_element_order_and_type_spelling()
    {
        var catalog = QuakeMlReader.ReadFile(SharedData.QuakeMl("usgs_event.xml"));

        Assert.Equal(2, catalog.Events.Count);
        var first = catalog.Events[0];
        Assert.Equal("quarry_blast", first.Type);
        Assert.Equal(Utc.Parse("2014-11-06T00:24:42.240Z"), first.PreferredOrigin!.TimeUtc);
        Assert.Equal(35.0476667, first.PreferredOrigin.LatitudeDeg);
        Assert.Equal(-117.6623333, first.PreferredOrigin.LongitudeDeg);
        Assert.Equal(0.01, first.PreferredOrigin.DepthKm);
        Assert.Equal(EvaluationMode.Manual, first.PreferredOrigin.EvaluationMode);
        Assert.Equal(1.54, first.PreferredMagnitude!.Value);
        Assert.Equal("ml", first.PreferredMagnitude.Type);
        Assert.Equal("quarry", catalog.Events[1].Type);
        Assert.Equal("Md", catalog.Events[1].PreferredMagnitude!.Type);
    }

    [Fact]
    public void Should_read_both_iris_events_with_times_that_carry_no_zone_as_utc()
    {
        var catalog = QuakeMlReader.ReadFile(SharedData.QuakeMl("iris_events.xml"));

        Assert.Equal(2, catalog.Events.Count);
        var tohoku = catalog.Events[0];
        Assert.Equal(new DateTime(2011, 3, 11, 5, 46, 24, 120, DateTimeKind.Utc), tohoku.PreferredOrigin!.TimeUtc);
        Assert.Equal(38.297, tohoku.PreferredOrigin.LatitudeDeg);
        Assert.Equal(142.373, tohoku.PreferredOrigin.LongitudeDeg);
        // The file says 29.0 where the event was 29 km deep: that old IRIS service wrote km into a
        // metre field. The reader follows the standard and does not guess.
        Assert.Equal(29.0, tohoku.PreferredOrigin.DepthM);
        Assert.Equal(9.1, tohoku.PreferredMagnitude!.Value);
        Assert.Equal("SULU SEA", catalog.Events[1].Descriptions.Single().Text);
        Assert.Equal("MS", catalog.Events[1].PreferredMagnitude!.Type);
    }

    [Fact]
    public void Should_read_the_three_neries_events_written_in_the_pre_1_2_namespace()
    {
        var catalog = QuakeMlReader.ReadFile(SharedData.QuakeMl("neries_events.xml"));

        Assert.Equal(3, catalog.Events.Count);
        var kyrgyzstan = catalog.Events[0];
        Assert.Equal("null", kyrgyzstan.Type);
        Assert.Equal("KYRGYZSTAN", kyrgyzstan.Descriptions.Single().Text);
        Assert.Equal(new DateTime(2012, 4, 4, 14, 21, 42, 300, DateTimeKind.Utc), kyrgyzstan.PreferredOrigin!.TimeUtc);
        Assert.Equal(41.818, kyrgyzstan.PreferredOrigin.LatitudeDeg);
        Assert.Equal(1.0, kyrgyzstan.PreferredOrigin.DepthKm);
        Assert.Equal(4.4, kyrgyzstan.PreferredMagnitude!.Value);
        Assert.Equal("mb", kyrgyzstan.PreferredMagnitude.Type);
        Assert.Equal([1.0, 14.4, 7.0], catalog.Events.Select(e => e.PreferredOrigin!.DepthKm!.Value));
    }

    [Fact]
    public void Should_choose_the_preferred_origin_and_magnitude_by_id_not_by_position()
    {
        var quake = QuakeMlReader.ReadFile(SharedData.QuakeMl("preferred.xml")).Events.Single();

        Assert.Equal(2, quake.Origins.Count);
        Assert.Equal("smi:orig2", quake.PreferredOrigin!.PublicId);
        Assert.Equal(Utc.Parse("2012-12-12T05:46:24.12"), quake.PreferredOrigin.TimeUtc);
        Assert.Equal(2.0, quake.PreferredMagnitude!.Value);
    }

    [Fact]
    public void Should_read_the_geonet_release_candidate_example()
    {
        var quake = QuakeMlReader.ReadFile(SharedData.QuakeMl("qml-example-1.2-RC3.xml")).Events.Single();

        Assert.Equal(Utc.Parse("2007-10-10T14:40:39.055"), quake.PreferredOrigin!.TimeUtc);
        Assert.Equal(-38.28462, quake.PreferredOrigin.LatitudeDeg);
        Assert.Equal(176.00703, quake.PreferredOrigin.LongitudeDeg);
        Assert.Equal(155.5297, quake.PreferredOrigin.DepthM);
        Assert.Equal(3.662, quake.PreferredMagnitude!.Value);
        Assert.Equal("ML", quake.PreferredMagnitude.Type);
    }

    [Fact]
    public void Should_read_event_type_certainty_preferred_ids_and_descriptions()
    {
        var quake = QuakeMlReader.ReadFile(SharedData.QuakeMl("quakeml_1.2_event.xml")).Events.Single();

        Assert.Equal("smi:ch.ethz.sed/event/historical/1165", quake.PublicId);
        Assert.Equal("earthquake", quake.Type);
        Assert.Equal(EventTypeCertainty.Suspected, quake.TypeCertainty);
        Assert.Equal("smi:ch.ethz.sed/origin/2054", quake.PreferredOriginId);
        Assert.Equal("smi:ch.ethz.sed/magnitude/1015", quake.PreferredMagnitudeId);
        Assert.Equal(3, quake.Descriptions.Count);
        Assert.Equal("earthquake name", quake.Descriptions[0].Type);
        Assert.Equal("1906 San Francisco Earthquake", quake.Descriptions[0].Text);
        Assert.Null(quake.Descriptions[2].Type);
        Assert.Null(quake.PreferredOrigin);
    }

    [Fact]
    public void Should_read_the_origin_example()
    {
        var origin = QuakeMlReader.ReadFile(SharedData.QuakeMl("quakeml_1.2_origin.xml")).Events.Single().Origins.Single();

        Assert.Equal("smi:www.iris.edu/ws/event/query?originId=7680412", origin.PublicId);
        Assert.Equal(Utc.Parse("2011-03-11T05:46:24.12Z"), origin.TimeUtc);
        Assert.Equal(38.297, origin.LatitudeDeg);
        Assert.Equal(142.373, origin.LongitudeDeg);
        Assert.Equal(0.029, origin.DepthKm!.Value, 1e-12);
        Assert.Equal(EvaluationMode.Manual, origin.EvaluationMode);
        Assert.Empty(origin.Arrivals);
    }

    [Fact]
    public void Should_read_the_magnitude_example()
    {
        var magnitude = QuakeMlReader.ReadFile(SharedData.QuakeMl("quakeml_1.2_magnitude.xml")).Events.Single().Magnitudes.Single();

        Assert.Equal("smi:ch.ethz.sed/magnitude/37465", magnitude.PublicId);
        Assert.Equal(5.5, magnitude.Value);
        Assert.Equal("MS", magnitude.Type);
        Assert.Null(magnitude.OriginId);
    }

    [Fact]
    public void Should_read_both_picks_of_the_pick_example()
    {
        var picks = QuakeMlReader.ReadFile(SharedData.QuakeMl("quakeml_1.2_pick.xml")).Events.Single().Picks;

        Assert.Equal(2, picks.Count);
        var first = picks[0];
        Assert.Equal("smi:ch.ethz.sed/pick/117634", first.PublicId);
        Assert.Equal(Utc.Parse("2005-09-18T22:04:35Z"), first.TimeUtc);
        Assert.Equal("BW", first.WaveformId.NetworkCode);
        Assert.Equal("FUR", first.WaveformId.StationCode);
        Assert.Null(first.WaveformId.LocationCode);
        Assert.Null(first.WaveformId.ChannelCode);
        Assert.Equal("smi:ch.ethz.sed/waveform/201754", first.WaveformId.ResourceUri);
        Assert.Equal(44.0, first.BackazimuthDeg);
        Assert.Null(first.HorizontalSlownessSPerDeg);
        Assert.Equal("Pn", first.PhaseHint);
        Assert.Equal(EvaluationMode.Manual, first.EvaluationMode);

        var second = picks[1];
        Assert.Equal(Utc.Parse("2007-05-12T07:41:28.815Z"), second.TimeUtc);
        Assert.Equal("HHZ", second.WaveformId.ChannelCode);
        Assert.Null(second.WaveformId.ResourceUri);
        Assert.Null(second.PhaseHint);
        Assert.Equal(EvaluationMode.Automatic, second.EvaluationMode);
    }

    [Fact]
    public void Should_read_both_arrivals_of_the_arrival_example()
    {
        var arrivals = QuakeMlReader.ReadFile(SharedData.QuakeMl("quakeml_1.2_arrival.xml")).Events.Single().Origins.Single().Arrivals;

        Assert.Equal(2, arrivals.Count);
        Assert.Equal("smi:some/arrival/id", arrivals[0].PublicId);
        Assert.Equal("smi:ch.ethz.sed/pick/117634", arrivals[0].PickId);
        Assert.Equal("Pn", arrivals[0].Phase);
        Assert.Equal(12.0, arrivals[0].AzimuthDeg);
        Assert.Equal(0.5, arrivals[0].DistanceDeg);
        Assert.Equal(1.6, arrivals[0].TimeResidualS);
        Assert.Equal(0.48, arrivals[0].TimeWeight);
        Assert.Equal("P*", arrivals[1].Phase);
        Assert.Equal(356.0, arrivals[1].AzimuthDeg);
        Assert.Equal(45.036, arrivals[1].DistanceDeg);
    }

    [Theory]
    [InlineData("quakeml_1.2_focalmechanism.xml", 0)]
    [InlineData("quakeml_1.2_data_used.xml", 0)]
    [InlineData("quakeml_1.2_stationmagnitude.xml", 0)]
    [InlineData("quakeml_1.2_stationmagnitudecontributions.xml", 1)]
    public void Should_skip_elements_outside_the_model_and_still_read_the_event(string file, int magnitudes)
    {
        var quake = QuakeMlReader.ReadFile(SharedData.QuakeMl(file)).Events.Single();

        Assert.StartsWith("smi:", quake.PublicId, StringComparison.Ordinal);
        Assert.Equal(magnitudes, quake.Magnitudes.Count);
        Assert.Empty(quake.Origins);
    }

    [Fact]
    public void Should_refuse_a_stationxml_file_naming_the_root_element_found()
    {
        var error = Assert.Throws<MetadataFormatException>(() => QuakeMlReader.ReadFile(SharedData.StationXml("minimal_station.xml")));

        Assert.Contains("found <FDSNStationXML> in namespace 'http://www.fdsn.org/xml/station/1'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void Should_report_truncated_xml_with_its_line()
    {
        const string xml = "<q:quakeml xmlns:q=\"http://quakeml.org/xmlns/quakeml/1.2\" xmlns=\"http://quakeml.org/xmlns/bed/1.2\">\n  <eventParameters publicID=\"x\">\n    <event publicID=\"y\">";

        var error = Assert.Throws<MetadataFormatException>(() => QuakeMlReader.Parse(xml, "cut.xml"));

        Assert.Equal(3, error.LineNumber);
        Assert.StartsWith("cut.xml, line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_sub_microsecond_time_digits_up_to_the_100_ns_tick()
    {
        const string xml = """
            <q:quakeml xmlns:q="http://quakeml.org/xmlns/quakeml/1.2" xmlns="http://quakeml.org/xmlns/bed/1.2">
              <eventParameters publicID="smi:local/catalog">
                <event publicID="smi:local/event/1">
                  <origin publicID="smi:local/origin/1">
                    <time><value>2012-08-14T02:59:38.123456789Z</value></time>
                    <latitude><value>49.8</value></latitude>
                    <longitude><value>145.064</value></longitude>
                  </origin>
                </event>
              </eventParameters>
            </q:quakeml>
            """;

        var origin = QuakeMlReader.Parse(xml).Events.Single().Origins.Single();

        Assert.Equal(Utc.Parse("2012-08-14T02:59:38Z").AddTicks(1234567), origin.TimeUtc);
    }
}
