using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

/// <summary>
/// Fixtures/converter-style.xml: one StationXML file with the quirks of converter and data-centre output
/// at once. It must load with every value Seismic uses right, and with one warning for each thing the
/// reader had to leave out, replace or guess, each naming its line.
/// </summary>
public sealed class ConverterStyleStationXmlTests
{
    private static readonly string FixturePath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "converter-style.xml");

    private static (Inventory Inventory, List<MetadataWarning> Warnings) Read()
    {
        var warnings = new List<MetadataWarning>();
        var inventory = StationXmlReader.ReadFile(FixturePath, warnings.Add);
        return (inventory, warnings);
    }

    [Fact]
    public void Should_read_the_document_header_despite_an_empty_source_and_an_unreadable_creation_time()
    {
        var (inventory, _) = Read();

        Assert.Equal("1", inventory.SchemaVersion);
        Assert.Null(inventory.Source);
        Assert.Null(inventory.CreatedUtc);
        var network = Assert.Single(inventory.Networks);
        Assert.Equal("NO", network.Code);
        Assert.Equal("Norwegian Seismic Array Network", network.Description);
        Assert.Equal(Utc.Parse("1999-01-01T00:00:00Z"), network.StartUtc);
    }

    [Fact]
    public void Should_read_station_positions_whatever_unit_and_datum_attributes_they_carry()
    {
        var (inventory, _) = Read();
        var stations = inventory.Networks[0].Stations;

        Assert.Equal(["ARA0", "ARB1"], stations.Select(s => s.Code));
        Assert.Equal(69.5349, stations[0].LatitudeDeg);
        Assert.Equal(25.5058, stations[0].LongitudeDeg);
        Assert.Equal(403.0, stations[0].ElevationM);
        Assert.Equal("ARCES centre", stations[0].SiteName);
        Assert.Equal(69.5381, stations[1].LatitudeDeg);
        Assert.Equal(25.523, stations[1].LongitudeDeg);
        Assert.Equal(0.41, stations[1].ElevationM);
    }

    [Fact]
    public void Should_read_epochs_written_in_every_date_form()
    {
        var (inventory, _) = Read();
        var ara0 = inventory.Networks[0].Stations[0];
        var channels = ara0.Channels.ToDictionary(c => c.Code);

        Assert.Equal(Utc.Parse("2010-01-01T00:00:00Z"), ara0.StartUtc);
        Assert.Equal(Utc.Parse("2599-12-31T23:59:59Z"), ara0.EndUtc);
        Assert.All(channels.Values, c => Assert.Equal(Utc.Parse("2010-01-01T00:00:00Z"), c.StartUtc));
        Assert.Equal(Utc.Parse("2599-12-31T23:59:59Z"), channels["BHZ"].EndUtc);
        Assert.Equal(Utc.Parse("2599-12-31T23:59:59Z"), channels["BHN"].EndUtc);
        Assert.Null(channels["BHE"].EndUtc);
        Assert.Equal(Utc.Parse("2010-01-01T00:00:00.5Z"), inventory.Networks[0].Stations[1].StartUtc);
        Assert.All(inventory.AllChannels(), c => Assert.Equal(DateTimeKind.Utc, c.StartUtc?.Kind ?? DateTimeKind.Utc));
    }

    [Fact]
    public void Should_read_orientations_and_sample_rates_in_either_spelling()
    {
        var (inventory, _) = Read();
        var channels = inventory.Networks[0].Stations[0].Channels.ToDictionary(c => c.Code);

        Assert.Equal((0.0, -90.0), (channels["BHZ"].AzimuthDeg, channels["BHZ"].DipDeg));
        Assert.Equal((0.0, 0.0), (channels["BHN"].AzimuthDeg, channels["BHN"].DipDeg));
        Assert.Equal((90.0, 0.0), (channels["BHE"].AzimuthDeg, channels["BHE"].DipDeg));
        Assert.Equal(40.0, channels["BHZ"].SampleRateHz);
        Assert.Equal(40.0, channels["BHN"].SampleRateHz);
        Assert.Null(channels["BHE"].SampleRateHz);
        Assert.Equal(0.0, channels["BHZ"].DepthM);
        Assert.Null(channels["BHE"].DepthM);
    }

    [Fact]
    public void Should_read_sensitivities_that_lack_units_or_frequency()
    {
        var (inventory, _) = Read();
        var channels = inventory.Networks[0].Stations[0].Channels.ToDictionary(c => c.Code);

        var vertical = Assert.IsType<InstrumentSensitivity>(channels["BHZ"].Sensitivity);
        Assert.Equal((6.0e8, 1.0, "M/S", (string?)null), (vertical.Value, vertical.FrequencyHz, vertical.InputUnits, vertical.OutputUnits));
        var north = Assert.IsType<InstrumentSensitivity>(channels["BHN"].Sensitivity);
        Assert.Equal((6.0e8, (double?)null, (string?)null, "COUNTS"), (north.Value, north.FrequencyHz, north.InputUnits, north.OutputUnits));
        Assert.Null(channels["BHE"].Sensitivity);
    }

    [Fact]
    public void Should_place_a_channel_without_coordinates_at_its_station()
    {
        var (inventory, _) = Read();

        var empty = Assert.Single(inventory.FindChannels(ChannelId.Parse("NO.ARB1..BHZ")));
        Assert.Equal((69.5381, 25.523, 0.41), (empty.LatitudeDeg, empty.LongitudeDeg, empty.ElevationM));
        Assert.Null(empty.DepthM);
        Assert.Null(empty.AzimuthDeg);
        Assert.Null(empty.StartUtc);
    }

    [Fact]
    public void Should_warn_once_for_each_value_left_out_replaced_or_doubtful_naming_its_line()
    {
        (int Line, string Problem)[] expected =
        [
            (10, "<Source> is missing or empty"),
            (11, "'Thu Mar  7 14:22:05 2019' in <Created> is not an ISO 8601 date-time; left out"),
            (37, "the sensitivity has a value but no <OutputUnits>"),
            (53, "the sensitivity has a value but no <InputUnits> or <Frequency>"),
            (63, "<Depth> is empty; the sensor's depth is unknown"),
            (66, "'n/a' in <SampleRate> is not a finite number; left out"),
            (72, "unit 'km' of <Elevation> is not m"),
            (74, "<Latitude> is missing; the station's latitude is used"),
            (74, "<Longitude> is missing; the station's longitude is used"),
            (74, "<Elevation> is missing; the station's elevation is used"),
            (74, "<Depth> is missing; the sensor's depth is unknown"),
        ];

        var (_, warnings) = Read();

        Assert.All(warnings, w => Assert.Equal(FixturePath, w.SourceName));
        Assert.Equal(expected.Length, warnings.Count);
        foreach (var (want, got) in expected.Zip(warnings))
        {
            Assert.Equal(want.Line, got.LineNumber);
            Assert.StartsWith(want.Problem, got.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_name_the_channel_in_the_path_of_a_channel_warning()
    {
        var (_, warnings) = Read();

        var depth = warnings.Single(w => w.LineNumber == 63);
        Assert.Equal("FDSNStationXML/Network[NO]/Station[ARA0]/Channel[BHE]/Depth", depth.ElementPath);
        Assert.StartsWith($"{FixturePath}, line 63, column 10, at FDSNStationXML/Network[NO]/Station[ARA0]/Channel[BHE]/Depth: ", depth.Message, StringComparison.Ordinal);
    }
}
