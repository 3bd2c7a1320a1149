using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;
using Seismic.Simulation.Output;
using Seismic.Simulation.Scenario;
using Seismic.Simulation.Sources;
using Seismic.Simulation.Tests.Support;
using Seismic.TestSupport;

namespace Seismic.Simulation.Tests;

/// <summary>The StationXML and QuakeML a run writes, read back through the repository's own readers.</summary>
[Collection(SimulatedArchiveCollection.Name)]
public class MetadataTests(SimulatedArchive simulated)
{
    [Fact]
    public void Should_read_back_the_StationXML_as_26_sites_at_their_geometry_offsets()
    {
        var settings = SettingsLoader.Load(RepositoryPaths.SettingsFile, new Dictionary<string, string>
        {
            ["array.reference_latitude_deg"] = "69.535",
            ["array.reference_longitude_deg"] = "25.506",
        });
        var inventory = new ArrayInventory(StationXmlReader.ReadFile(simulated.Output.InventoryPath), settings.Array);

        var sites = inventory.SitesAt(SimulatedArchive.Options.StartUtc);

        Assert.Equal(26, sites.Count);
        foreach (var expected in ArcesArray.Sites)
        {
            var site = sites.Single(s => s.Name == expected.Name);
            Assert.Equal(expected.EastKm, site.EastKm, 6);
            Assert.Equal(expected.NorthKm, site.NorthKm, 6);
        }

        Assert.Equal((90.0, 0.0), inventory.OrientationOf(new ChannelId("NO", "ARD3", "", "BHE"), SimulatedArchive.Options.StartUtc));
    }

    [Fact]
    public void Should_state_the_sensitivity_in_counts_per_metre_per_second_for_all_78_channels()
    {
        var channels = StationXmlReader.ReadFile(simulated.Output.InventoryPath).AllChannels().ToList();

        Assert.Equal(78, channels.Count);
        Assert.All(channels, c =>
        {
            Assert.Equal(40.0, c.SampleRateHz);
            Assert.Equal(1.0e9, c.Sensitivity!.Value);
            Assert.Equal("M/S", c.Sensitivity.InputUnits);
            Assert.Equal("COUNTS", c.Sensitivity.OutputUnits);
        });
    }

    [Fact]
    public void Should_read_back_the_QuakeML_truth_with_the_events_types_origins_and_magnitudes()
    {
        var catalog = QuakeMlReader.ReadFile(simulated.Output.CatalogPath);
        var events = simulated.Summary.Scenario.Events;

        Assert.Equal(events.Count, catalog.Events.Count);
        foreach (var (truth, read) in events.Zip(catalog.Events))
        {
            Assert.Equal(truth.PublicId, read.PublicId);
            Assert.Equal(truth.Kind, EventKindFacts.FromQuakeMlType(read.Type));
            Assert.Equal(truth.OriginUtc, read.PreferredOrigin!.TimeUtc);
            Assert.Equal(truth.Epicentre.LatitudeDeg, read.PreferredOrigin.LatitudeDeg, 3);
            Assert.Equal(truth.DepthKm, read.PreferredOrigin.DepthKm!.Value, 3);
            Assert.Equal(truth.Magnitude, read.PreferredMagnitude!.Value);
            Assert.Equal("ML", read.PreferredMagnitude.Type);
        }
    }

    [Fact]
    public void Should_let_the_beamformer_take_the_back_azimuth_from_the_truth_picks()
    {
        var catalog = QuakeMlReader.ReadFile(simulated.Output.CatalogPath);

        foreach (var (truth, read) in simulated.Summary.Scenario.Events.Zip(catalog.Events))
        {
            var hint = new BackAzimuthHint(read.Picks.Select(p => p.BackazimuthDeg).ToList(), read.PreferredOrigin!.LatitudeDeg, read.PreferredOrigin.LongitudeDeg);
            var chosen = BackAzimuthChoice.FromHint(hint, ArcesArray.Reference.LatitudeDeg, ArcesArray.Reference.LongitudeDeg)!;

            // The picks carry the back-azimuth to 0.01 degree.
            Assert.InRange(Math.Abs(truth.BackAzimuthDeg - chosen.BackAzimuthDeg), 0.0, 0.006);
        }
    }

    [Fact]
    public void Should_write_every_event_type_as_valid_QuakeML()
    {
        var scenario = SimulationScenario.Generate(new ScenarioOptions
        {
            StartUtc = new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc),
            Duration = TimeSpan.FromDays(7),
            Seed = 2,
            RateMultiplier = 20,
        });
        var catalog = TruthCatalog.Create(scenario);

        Assert.Empty(QuakeMlWriter.FindProblems(catalog));
        Assert.Equal(
            ["earthquake", "explosion", "induced or triggered event"],
            QuakeMlReader.Parse(QuakeMlWriter.ToXml(catalog)).Events.Select(e => e.Type!).Distinct().Order(StringComparer.Ordinal));
    }
}
