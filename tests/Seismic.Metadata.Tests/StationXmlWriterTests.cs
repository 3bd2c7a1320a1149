using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

public sealed class StationXmlWriterTests
{
    /// <summary>Files that give every value the model holds.</summary>
    public static TheoryData<string> CompleteFiles() =>
    [
        SharedData.Yellowknife("array_yellowknife.xml"),
        SharedData.Agfa("agfainventory.xml"),
        SharedData.StationXml("IU_ANMO_BH.xml"),
        SharedData.StationXml("IRIS_single_channel_with_response.xml"),
        SharedData.StationXml("full_random_stationxml.xml"),
    ];

    /// <summary>The complete files and one that lacks values (a depth, units, the creation time).</summary>
    public static TheoryData<string> Files()
    {
        var files = CompleteFiles();
        files.Add(Path.Combine(AppContext.BaseDirectory, "Fixtures", "converter-style.xml"));
        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_read_back_everything_it_wrote(string file)
    {
        var original = StationXmlReader.ReadFile(file);

        var readBack = StationXmlReader.Parse(StationXmlWriter.ToXml(original), "written");

        Assert.Equal(Describe(original), Describe(readBack));
        Assert.Equal("1.2", readBack.SchemaVersion);
    }

    [Theory]
    [MemberData(nameof(CompleteFiles))]
    public void Should_write_what_reads_back_without_a_warning(string file)
    {
        var original = StationXmlReader.ReadFile(file);
        var warnings = new List<MetadataWarning>();

        StationXmlReader.Parse(StationXmlWriter.ToXml(original), "written", warnings.Add);

        Assert.Empty(warnings);
    }

    [Fact]
    public void Should_keep_a_two_space_location_code()
    {
        var yellowknife = StationXmlReader.ReadFile(SharedData.Yellowknife("array_yellowknife.xml"));

        var readBack = StationXmlReader.Parse(StationXmlWriter.ToXml(yellowknife), "written");

        Assert.All(readBack.AllChannels(), channel => Assert.Equal("  ", channel.LocationCode));
    }

    /// <summary>Every value the reader exposes, one line per network, station and channel.</summary>
    private static List<string> Describe(Inventory inventory)
    {
        var lines = new List<string>();
        foreach (var network in inventory.Networks)
        {
            lines.Add($"N {network.Code} {network.Description} {network.StartUtc:O} {network.EndUtc:O}");
            foreach (var station in network.Stations)
            {
                lines.Add($"S {station.Code} {station.StartUtc:O} {station.EndUtc:O} {station.LatitudeDeg:R} {station.LongitudeDeg:R} {station.ElevationM:R} {station.SiteName}");
                foreach (var c in station.Channels)
                {
                    lines.Add($"C {c.Id} {c.StartUtc:O} {c.EndUtc:O} {c.LatitudeDeg:R} {c.LongitudeDeg:R} {c.ElevationM:R} {c.DepthM:R} {c.AzimuthDeg:R} {c.DipDeg:R} {c.SampleRateHz:R} " +
                              $"{c.Sensitivity?.Value:R} {c.Sensitivity?.FrequencyHz:R} {c.Sensitivity?.InputUnits} {c.Sensitivity?.OutputUnits}");
                }
            }
        }
        return lines;
    }
}
