using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Seismic.Sources.Fdsn;
using Seismic.Sources.Sds;
using Seismic.Sources.Tests.Support;
using Seismic.TestSupport.Fdsn;
using Seismic.Waveforms.Selection;

namespace Seismic.Sources.Tests.Fdsn;

/// <summary>
/// Through <see cref="FdsnTestServer"/> on loopback, serving the simulated archive: each test starts its own
/// server (a few milliseconds), so the faults it injects and the requests it counts are its own.
/// </summary>
[Collection(SimulatedArchiveCollection.Name)]
public sealed class FdsnWaveformSourceTests(SimulatedArchive simulated)
{
    private static readonly DateTime From = SimulatedArchive.Midnight.AddMinutes(-2);
    private static readonly DateTime To = SimulatedArchive.Midnight.AddMinutes(2);
    private static readonly ChannelSelection[] WholeArray = [new("NO", "AR*", "*", "BH?")];

    /// <summary>Short waits so that retries cost milliseconds.</summary>
    private static readonly FdsnClientOptions Quick = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public async Task Should_return_the_same_records_as_the_sds_archive_it_serves()
    {
        await using var server = await Serve();
        using var fdsn = WaveformSources.Open(server.FdsnwsAddress, fdsnOptions: Quick);
        using var sds = new SdsSource(simulated.ArchivePath);

        var remote = await fdsn.ReadAsync(WholeArray, From, To);
        var local = await sds.ReadAsync(WholeArray, From, To);

        Assert.IsType<FdsnWaveformSource>(fdsn);
        Assert.Equal(server.FdsnwsAddress, fdsn.Address);
        Assert.True(Records.Of(local).Count > 78 * 2);
        Assert.Equal(Records.Fingerprints(local.MiniSeed), Records.Fingerprints(remote.MiniSeed));
        Assert.Equal(1, server.RequestCount("dataselect"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/fdsnws/")]
    [InlineData("http://127.0.0.1:{0}/fdsnws")]
    [InlineData("fdsnws://127.0.0.1:{0}/fdsnws/dataselect/1/query")]
    public async Task Should_read_through_every_form_of_the_address(string form)
    {
        await using var server = await Serve();
        using var source = WaveformSources.Open(string.Format(System.Globalization.CultureInfo.InvariantCulture, form, server.Port), fdsnOptions: Quick);
        using var sds = new SdsSource(simulated.ArchivePath);
        ChannelSelection[] one = [new("NO", "ARE0", "", "BHZ")];

        var read = await source.ReadAsync(one, From, To);

        Assert.Equal(Records.Fingerprints((await sds.ReadAsync(one, From, To)).MiniSeed), Records.Fingerprints(read.MiniSeed));
    }

    [Fact]
    public async Task Should_post_one_line_per_selection_with_a_blank_location_as_two_dashes()
    {
        await using var server = await Serve();
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick);

        await source.ReadAsync([new ChannelSelection("NO", "ARA0", "", "BHZ"), new ChannelSelection("NO", "ARB*", "*", "BH?")], From, To);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("dataselect", "POST"), (request.Service, request.Method));
        Assert.Equal(
            "NO ARA0 -- BHZ 2024-03-04T23:58:00.000000 2024-03-05T00:02:00.000000\n" +
            "NO ARB* * BH? 2024-03-04T23:58:00.000000 2024-03-05T00:02:00.000000\n",
            request.Body);
    }

    [Fact]
    public async Task Should_return_an_empty_read_when_the_server_answers_no_content()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.NoData());
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick);

        var read = await source.ReadAsync(WholeArray, From, To);

        Assert.True(read.IsEmpty);
        Assert.Equal(1, server.RequestCount("dataselect"));
    }

    [Fact]
    public async Task Should_return_an_empty_read_when_the_archive_holds_nothing_for_the_selection()
    {
        await using var server = await Serve();
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick);

        var read = await source.ReadAsync([new ChannelSelection("NO", "SPA0", "", "BHZ")], From, To);

        Assert.True(read.IsEmpty);
    }

    [Fact]
    public async Task Should_send_nothing_for_an_interval_that_ends_where_it_starts()
    {
        await using var server = await Serve();
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick);

        var read = await source.ReadAsync(WholeArray, From, From);

        Assert.True(read.IsEmpty);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Should_retry_server_errors_and_return_the_data_of_the_attempt_that_succeeds()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.ServerError(times: 2));
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick);
        using var sds = new SdsSource(simulated.ArchivePath);

        var read = await source.ReadAsync(WholeArray, From, To);

        Assert.Equal(3, server.RequestCount("dataselect"));
        Assert.Equal(Records.Fingerprints((await sds.ReadAsync(WholeArray, From, To)).MiniSeed), Records.Fingerprints(read.MiniSeed));
    }

    [Fact]
    public async Task Should_fail_after_the_last_attempt_naming_the_url_the_status_and_the_servers_reason()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.ServerError());
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick);

        var error = await Assert.ThrowsAsync<WaveformSourceException>(() => source.ReadAsync(WholeArray, From, To));

        Assert.Equal(3, server.RequestCount("dataselect"));
        Assert.Contains($"POST {server.BaseUrl}dataselect/1/query", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 500 Internal Server Error after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("Error 500: Internal Server Error Fault injected by the test: the archive is not reachable.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_at_once_on_not_found_naming_the_url_and_the_status()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.NotFound());
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick);

        var error = await Assert.ThrowsAsync<WaveformSourceException>(() => source.ReadAsync(WholeArray, From, To));

        Assert.Equal(1, server.RequestCount("dataselect"));
        Assert.Contains($"POST {server.BaseUrl}dataselect/1/query: HTTP 404 Not Found after 1 attempt", error.Message, StringComparison.Ordinal);
        Assert.Contains("No data matches the selection.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_naming_the_url_when_the_base_url_leads_nowhere()
    {
        await using var server = await Serve();
        var wrong = $"http://127.0.0.1:{server.Port}/fdsn/";
        using var source = WaveformSources.Open(wrong, fdsnOptions: Quick);

        var error = await Assert.ThrowsAsync<WaveformSourceException>(() => source.ReadAsync(WholeArray, From, To));

        Assert.Contains($"POST {wrong}dataselect/1/query: HTTP 404 Not Found", error.Message, StringComparison.Ordinal);
        Assert.Contains("check the base URL", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Should_wait_as_long_as_retry_after_asks_before_trying_again()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.Unavailable(times: 1, retryAfterSeconds: 1));
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick);
        var clock = Stopwatch.StartNew();

        var read = await source.ReadAsync(WholeArray, From, To);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(8));
        Assert.False(read.IsEmpty);
        Assert.Equal(2, server.RequestCount("dataselect"));
    }

    [Fact]
    public async Task Should_wait_no_longer_than_the_longest_delay_whatever_retry_after_asks()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.Unavailable(times: 1, retryAfterSeconds: 600));
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick with { MaxDelay = TimeSpan.FromMilliseconds(100) });
        var clock = Stopwatch.StartNew();

        var read = await source.ReadAsync(WholeArray, From, To);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(8));
        Assert.False(read.IsEmpty);
    }

    [Fact]
    public async Task Should_give_up_on_a_server_that_never_answers_naming_the_url_and_the_time_waited()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.Hang());
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick with { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2 });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<WaveformSourceException>(() => source.ReadAsync(WholeArray, From, To));

        // Two attempts of 0.3 s each. The server's count may miss the second: on a loaded machine the client can
        // give up on it before the server's handler has run, so the client's own account is the one checked.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.6), TimeSpan.FromSeconds(8));
        Assert.InRange(server.RequestCount("dataselect"), 1, 2);
        Assert.Contains($"POST {server.BaseUrl}dataselect/1/query: no answer in time; gave up after ", error.Message, StringComparison.Ordinal);
        Assert.Contains(" s and 2 attempts (at most 0.3 s per attempt and 30 s in all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_count_a_body_that_stalls_half_way_against_the_attempt_timeout()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.StallBody());
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick with { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2 });
        // Only a safeguard: without the per-attempt timeout on the body, the read would wait for ever.
        using var safeguard = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<WaveformSourceException>(() => source.ReadAsync(WholeArray, From, To, safeguard.Token));

        // As in the give-up test: the loaded server may not have counted the second attempt before the client dropped it.
        Assert.InRange(server.RequestCount("dataselect"), 1, 2);
        Assert.Contains("no answer in time", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_up_when_the_total_time_is_spent_even_within_an_attempt()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.Hang());
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick with { TotalTimeout = TimeSpan.FromMilliseconds(400) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<WaveformSourceException>(() => source.ReadAsync(WholeArray, From, To));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(8));
        Assert.Contains("no answer in time", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 attempt (at most 10 s per attempt and 0.4 s in all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_naming_the_url_when_nothing_listens_at_the_address()
    {
        var port = FreePort();
        using var source = new FdsnWaveformSource($"fdsnws://127.0.0.1:{port}", Quick);

        var error = await Assert.ThrowsAsync<WaveformSourceException>(() => source.ReadAsync(WholeArray, From, To));

        Assert.Contains($"POST http://127.0.0.1:{port}/fdsnws/dataselect/1/query: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("after 3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_stop_when_the_caller_cancels_instead_of_reporting_a_failure()
    {
        await using var server = await Serve();
        server.Inject(FdsnFault.Hang());
        using var source = new FdsnWaveformSource(server.FdsnwsAddress, Quick);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.ReadAsync(WholeArray, From, To, cancel.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(1, server.RequestCount("dataselect"));
    }

    private Task<FdsnTestServer> Serve() => FdsnTestServer.StartAsync(new FdsnTestServerOptions { ArchivePath = simulated.ArchivePath });

    /// <summary>A loopback port nothing listens on: taken from the system, then released.</summary>
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
