using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

/// <summary>
/// Every StationXML and QuakeML file of the shared data that ObsPy reads (obspy/SOURCE.md: its own test
/// files, the invalid_* ones left out; the obspy-examples inventories and event) loads here, with the warnings
/// each deserves and no others.
/// </summary>
public sealed class MetadataCorpusTests
{
    public static TheoryData<string> StationXmlFiles() => new(
        Directory.GetFiles(SharedData.PathOf("obspy", "stationxml"), "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    public static TheoryData<string> QuakeMlFiles() => new(
        Directory.GetFiles(SharedData.PathOf("obspy", "quakeml"), "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(StationXmlFiles))]
    public void Should_load_every_obspy_stationxml_file(string file)
    {
        var warnings = new List<MetadataWarning>();

        var inventory = StationXmlReader.ReadFile(SharedData.StationXml(file), warnings.Add);

        Assert.NotEmpty(inventory.Networks);
        Assert.Equal(file == "version20.xml" ? ["StationXML schema version 2.0"] : [], warnings.Select(w => w.Problem.Split(" is not")[0]));
    }

    [Theory]
    [MemberData(nameof(QuakeMlFiles))]
    public void Should_load_every_obspy_quakeml_file(string file)
    {
        var warnings = new List<MetadataWarning>();

        var catalog = QuakeMlReader.ReadFile(SharedData.QuakeMl(file), warnings.Add);

        // The per-element examples (pick, magnitude, focal mechanism...) hold an event without an origin:
        // that, and only that, is worth a warning.
        Assert.NotEmpty(catalog.Events);
        Assert.Equal(
            catalog.Events.Where(e => e.Origins.Count == 0).Select(e => $"event {e.PublicId} has no usable origin: its time and place are unknown, so only its picks can place it"),
            warnings.Select(w => w.Problem));
    }

    [Theory]
    [InlineData("array-yellowknife-2012-08-14/array_yellowknife.xml", 18)]
    [InlineData("array-agfa-2008-02-17/agfainventory.xml", 5)]
    public void Should_load_the_obspy_example_array_inventories_without_a_warning(string file, int channels)
    {
        var warnings = new List<MetadataWarning>();

        var inventory = StationXmlReader.ReadFile(SharedData.PathOf("obspy-examples", file), warnings.Add);

        Assert.Equal(channels, inventory.AllChannels().Count());
        Assert.Empty(warnings);
    }

    [Fact]
    public void Should_load_the_obspy_example_event_without_a_warning()
    {
        var warnings = new List<MetadataWarning>();

        var catalog = QuakeMlReader.ReadFile(SharedData.Yellowknife("array_2012-08-14_event.xml"), warnings.Add);

        Assert.Equal(49.8, Assert.Single(catalog.Events).PreferredOrigin!.LatitudeDeg);
        Assert.Empty(warnings);
    }
}
