using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

public sealed class StationXmlWriterTests
{
    public static TheoryData<string> Files() =>
    [
        SharedData.Yellowknife("array_yellowknife.xml"),
        SharedData.Agfa("agfainventory.xml"),
        SharedData.StationXml("IU_ANMO_BH.xml"),
        SharedData.StationXml("IRIS_single_channel_with_response.xml"),
        SharedData.StationXml("full_random_stationxml.xml"),
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_read_back_everything_it_wrote(string file)
    {
        var original = StationXmlReader.ReadFile(file);

        var readBack = StationXmlReader.Parse(StationXmlWriter.ToXml(original), "written");

        Assert.Equal(Describe(original), Describe(readBack));
        Assert.Equal("1.2", readBack.SchemaVersion);
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
