using Seismic.Sources.Tests.Support;
using Seismic.TestSupport;
using Seismic.TestSupport.Fdsn;
using Seismic.Waveforms.Selection;

namespace Seismic.Sources.Tests;

[Collection(SimulatedArchiveCollection.Name)]
public sealed class MetadataSourcesTests(SimulatedArchive simulated)
{
    private static readonly string IrisEvents = Path.Combine(RepositoryPaths.SharedData, "obspy", "quakeml", "iris_events.xml");
    private static readonly ChannelSelection[] Verticals = [new("NO", "*", "*", "BHZ")];
    private static readonly DateTime From = SimulatedArchive.StartUtc;
    private static readonly DateTime To = SimulatedArchive.EndUtc;

    [Fact]
    public async Task Should_read_a_whole_stationxml_file_by_path_or_file_uri()
    {
        var byPath = await MetadataSources.ReadInventoryAsync(simulated.InventoryPath, Verticals, From, To);
        var byUri = await MetadataSources.ReadInventoryAsync("file://" + simulated.InventoryPath, Verticals, From, To);

        Assert.Equal(26 * 3, byPath.AllChannels().Count());
        Assert.Equal(26 * 3, byUri.AllChannels().Count());
    }

    [Fact]
    public async Task Should_resolve_a_relative_file_against_the_base_directory()
    {
        var inventory = await MetadataSources.ReadInventoryAsync(Path.GetFileName(simulated.InventoryPath), Verticals, From, To,
            baseDirectory: Path.GetDirectoryName(simulated.InventoryPath), fdsnOptions: null);

        Assert.Equal(26, inventory.Networks.Single().Stations.Count);
    }

    [Fact]
    public async Task Should_ask_the_station_service_of_an_fdsn_address_for_the_selection()
    {
        await using var server = await FdsnTestServer.StartAsync(new FdsnTestServerOptions { InventoryPath = simulated.InventoryPath });

        var inventory = await MetadataSources.ReadInventoryAsync(server.FdsnwsAddress, Verticals, From, To);

        Assert.Equal(26, inventory.AllChannels().Count());
        Assert.All(inventory.AllChannels(), c => Assert.Equal("BHZ", c.Id.Channel));
    }

    [Fact]
    public async Task Should_read_a_quakeml_file_whole_and_an_event_service_for_the_interval()
    {
        await using var server = await FdsnTestServer.StartAsync(new FdsnTestServerOptions { CatalogPath = IrisEvents });
        var from = new DateTime(2006, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2007, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var file = await MetadataSources.ReadCatalogAsync(IrisEvents, from, to);
        var service = await MetadataSources.ReadCatalogAsync(server.BaseUrl, from, to);

        Assert.Equal(2, file.Events.Count);
        Assert.Equal(new DateTime(2006, 9, 10, 4, 26, 33, 610, DateTimeKind.Utc), Assert.Single(service.Events).PreferredOrigin!.TimeUtc);
    }

    [Fact]
    public async Task Should_fail_naming_a_file_that_does_not_exist()
    {
        using var folder = new TempFolder();
        var missing = folder.Combine("arces.xml");

        var inventory = await Assert.ThrowsAsync<MetadataSourceException>(() => MetadataSources.ReadInventoryAsync(missing, Verticals, From, To));
        var catalog = await Assert.ThrowsAsync<MetadataSourceException>(() => MetadataSources.ReadCatalogAsync("file://" + missing, From, To));

        Assert.Equal($"{missing}: the StationXML file {missing} does not exist", inventory.Message);
        Assert.Equal($"file://{missing}: the QuakeML file {missing} does not exist", catalog.Message);
    }

    [Fact]
    public async Task Should_fail_naming_the_url_when_the_service_refuses()
    {
        await using var server = await FdsnTestServer.StartAsync(new FdsnTestServerOptions { CatalogPath = IrisEvents });
        server.Inject(FdsnFault.NotFound());

        var error = await Assert.ThrowsAsync<MetadataSourceException>(() => MetadataSources.ReadCatalogAsync(server.FdsnwsAddress, From, To));

        Assert.Contains($"GET {server.BaseUrl}event/1/query?starttime=", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404 Not Found after 1 attempt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sds:///data/archive", "unknown metadata source scheme 'sds'")]
    [InlineData("fdsnws://host?level=station", "without a query")]
    public async Task Should_refuse_an_address_it_cannot_read_naming_it(string address, string reason)
    {
        var error = await Assert.ThrowsAsync<MetadataSourceException>(() => MetadataSources.ReadCatalogAsync(address, From, To));

        Assert.StartsWith(address + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
