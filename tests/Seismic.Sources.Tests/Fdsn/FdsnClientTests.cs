using Seismic.Sources.Fdsn;
using Seismic.Sources.Tests.Support;
using Seismic.TestSupport;
using Seismic.TestSupport.Fdsn;
using Seismic.Waveforms.Selection;

namespace Seismic.Sources.Tests.Fdsn;

/// <summary>The station and event services, through <see cref="FdsnTestServer"/> serving the simulated ARCES inventory and IRIS's two-event QuakeML.</summary>
[Collection(SimulatedArchiveCollection.Name)]
public sealed class FdsnClientTests(SimulatedArchive simulated)
{
    private static readonly string IrisEvents = Path.Combine(RepositoryPaths.SharedData, "obspy", "quakeml", "iris_events.xml");
    private static readonly DateTime From = SimulatedArchive.Midnight.AddHours(-1);
    private static readonly DateTime To = SimulatedArchive.Midnight;

    private static readonly FdsnClientOptions Quick = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(10),
        MaxAttempts = 2,
        BaseDelay = TimeSpan.FromMilliseconds(10),
    };

    [Fact]
    public async Task Should_ask_the_station_service_for_one_selection_at_channel_level_and_read_the_channels()
    {
        await using var server = await Serve();
        using var client = new FdsnClient(FdsnEndpoint.Parse(server.FdsnwsAddress), Quick);

        var inventory = await client.StationsAsync([new ChannelSelection("NO", "ARA0", "", "BH?")], From, To);

        Assert.Equal(["NO.ARA0..BHE", "NO.ARA0..BHN", "NO.ARA0..BHZ"], inventory.AllChannels().Select(c => c.Id.ToString()).Order(StringComparer.Ordinal).ToList());
        Assert.All(inventory.AllChannels(), c => Assert.Equal(40, c.SampleRateHz));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("station", "GET"), (request.Service, request.Method));
        Assert.Equal(
            "?level=channel&network=NO&station=ARA0&location=--&channel=BH%3F&starttime=2024-03-04T23%3A00%3A00.000000&endtime=2024-03-05T00%3A00%3A00.000000",
            request.Query);
    }

    [Fact]
    public async Task Should_ask_for_several_selections_in_one_post()
    {
        await using var server = await Serve();
        using var client = new FdsnClient(FdsnEndpoint.Parse(server.BaseUrl), Quick);

        var inventory = await client.StationsAsync([new ChannelSelection("NO", "ARA0", "", "BHZ"), new ChannelSelection("NO", "ARD?", "*", "BHE")], From, To);

        Assert.Equal(
            ["NO.ARA0..BHZ", "NO.ARD1..BHE", "NO.ARD2..BHE", "NO.ARD3..BHE", "NO.ARD4..BHE", "NO.ARD5..BHE", "NO.ARD6..BHE", "NO.ARD7..BHE", "NO.ARD8..BHE", "NO.ARD9..BHE"],
            inventory.AllChannels().Select(c => c.Id.ToString()).Order(StringComparer.Ordinal).ToList());
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("level=channel\nNO ARA0 -- BHZ 2024-03-04T23:00:00.000000 2024-03-05T00:00:00.000000\n", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_return_an_inventory_without_networks_when_the_station_service_has_no_data()
    {
        await using var server = await Serve();
        using var client = new FdsnClient(FdsnEndpoint.Parse(server.FdsnwsAddress), Quick);

        var unknown = await client.StationsAsync([new ChannelSelection("NO", "SPA0", "", "BHZ")], From, To);
        server.Inject(FdsnFault.NoData());
        var noContent = await client.StationsAsync([new ChannelSelection("NO", "ARA0", "", "BHZ")], From, To);

        Assert.Empty(unknown.Networks);
        Assert.Empty(noContent.Networks);
        Assert.Equal(2, server.RequestCount("station"));
    }

    [Fact]
    public async Task Should_fail_naming_the_station_url_and_status_when_the_service_keeps_failing()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.ServerError());
        using var client = new FdsnClient(FdsnEndpoint.Parse(server.FdsnwsAddress), Quick);

        var error = await Assert.ThrowsAsync<MetadataSourceException>(() => client.StationsAsync([new ChannelSelection("NO", "ARA0", "", "BHZ")], From, To));

        Assert.Contains($"GET {server.BaseUrl}station/1/query?level=channel&network=NO&station=ARA0", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 500 Internal Server Error after 2 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.RequestCount("station"));
    }

    [Fact]
    public async Task Should_read_the_events_of_the_interval_from_the_event_service()
    {
        await using var server = await Serve();
        using var client = new FdsnClient(FdsnEndpoint.Parse(server.FdsnwsAddress), Quick);

        var catalog = await client.EventsAsync(new DateTime(2011, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2012, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new FdsnEventQuery { MinMagnitude = 5.5 });

        var tohoku = Assert.Single(catalog.Events);
        Assert.Equal(new DateTime(2011, 3, 11, 5, 46, 24, 120, DateTimeKind.Utc), tohoku.PreferredOrigin!.TimeUtc);
        Assert.Equal(9.1, tohoku.PreferredMagnitude!.Value);
        Assert.Equal("?starttime=2011-01-01T00%3A00%3A00.000000&endtime=2012-01-01T00%3A00%3A00.000000&minmagnitude=5.5", Assert.Single(server.Requests).Query);
    }

    [Fact]
    public async Task Should_return_a_catalog_without_events_when_the_event_service_has_no_data()
    {
        await using var server = await Serve();
        using var client = new FdsnClient(FdsnEndpoint.Parse(server.FdsnwsAddress), Quick);

        var catalog = await client.EventsAsync(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2020, 2, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Empty(catalog.Events);
        Assert.Equal(1, server.RequestCount("event"));
    }

    [Fact]
    public void Should_refuse_options_it_cannot_use_naming_them()
    {
        var error = Assert.Throws<ArgumentException>(() => new FdsnClient(FdsnEndpoint.Parse("fdsnws://127.0.0.1:1"), new FdsnClientOptions { MaxAttempts = 0, AttemptTimeout = TimeSpan.Zero }));

        Assert.Contains("MaxAttempts must be between 1 and 100 (got 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout must be between 10 ms and one day", error.Message, StringComparison.Ordinal);
    }

    private Task<FdsnTestServer> Serve() => FdsnTestServer.StartAsync(new FdsnTestServerOptions
    {
        InventoryPath = simulated.InventoryPath,
        CatalogPath = IrisEvents,
    });
}
