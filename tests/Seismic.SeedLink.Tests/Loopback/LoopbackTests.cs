using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Seismic.SeedLink.Client;
using Seismic.SeedLink.Server;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Selection;
using Seismic.Waveforms.Sds;
using Seismic.Waveforms.Time;

namespace Seismic.SeedLink.Tests.Loopback;

/// <summary>Seismic's client against Seismic's replay server on loopback, both protocols.</summary>
public sealed class LoopbackTests(ReplayArchive archive) : IClassFixture<ReplayArchive>, IDisposable
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(45);
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"seismic-seedlink-state-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_state);

    private SeedLinkReplayServer StartServer(double speed = 120) =>
        SeedLinkReplayServer.Start(new ReplayOptions(archive.ArchivePath, speed), new IPEndPoint(IPAddress.Loopback, 0));

    private static SeedLinkClientOptions Options(SeedLinkReplayServer server, string stations, ProtocolPreference protocol = ProtocolPreference.Auto) => new()
    {
        Address = $"seedlink://127.0.0.1:{server.Port}",
        Stations = StationRequest.ParseList(stations),
        Protocol = protocol,
        IdleTimeout = TimeSpan.FromSeconds(2),
        KeepaliveInterval = TimeSpan.FromSeconds(1),
        ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
        ReconnectDelayMax = TimeSpan.FromMilliseconds(400),
    };

    private static async Task<List<SeedLinkRecord>> Take(SeedLinkClient client, int count, Action<int>? after = null)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var records = new List<SeedLinkRecord>();
        await foreach (var record in client.ReadAsync(timeout.Token))
        {
            records.Add(record);
            after?.Invoke(records.Count);
            if (records.Count == count)
                break;
        }
        return records;
    }

    private static MiniSeedRecord Parse(SeedLinkRecord record) => MiniSeedReader.Read(record.MiniSeed).Records.Single();

    [Theory]
    [InlineData(ProtocolPreference.Version3, '2')]
    [InlineData(ProtocolPreference.Version4, '3')]
    public async Task Should_deliver_only_the_selected_station_and_channel_with_the_archives_samples(ProtocolPreference protocol, char format)
    {
        await using var server = StartServer();
        await using var client = new SeedLinkClient(Options(server, "NO_ARA0:BHZ", protocol) with { StartUtc = ReplayArchive.StartUtc, EndUtc = ReplayArchive.StartUtc.AddMinutes(2) });

        var records = await Take(client, int.MaxValue);

        Assert.Equal(protocol == ProtocolPreference.Version4 ? 4 : 3, client.ProtocolVersion);
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(format, r.Format));
        var parsed = records.Select(Parse).ToList();
        Assert.All(parsed, r => Assert.Equal("NO.ARA0..BHZ", r.SourceId.SeedCode));
        Assert.All(records, r => Assert.Equal("NO_ARA0", r.StationId));

        // The samples the replay repacked are the archive's, sample for sample.
        var received = parsed.SelectMany(r => (int[])r.DecodeSamples().Values).ToArray();
        var from = parsed[0].StartTime;
        var stored = new SdsArchive(archive.ArchivePath).Read(SourceId.FromSeed("NO", "ARA0", "", "BHZ"), from, parsed[^1].EndTime.AddSeconds(0.5 / parsed[^1].SampleRateHz));
        var expected = stored.Segments.SelectMany(s => s.Int32Samples.ToArray()).ToArray();
        Assert.Equal(expected, received);
    }

    [Theory]
    [InlineData(ProtocolPreference.Version3)]
    [InlineData(ProtocolPreference.Version4)]
    public async Task Should_resume_after_a_dropped_connection_without_gap_or_duplicate(ProtocolPreference protocol)
    {
        await using var server = StartServer();
        await using var client = new SeedLinkClient(Options(server, "NO_ARA0,NO_ARB1:BHZ", protocol) with { StartUtc = ReplayArchive.StartUtc });

        var records = await Take(client, 300, count =>
        {
            if (count == 100)
                server.DropConnections();
        });

        Assert.True(client.Connections >= 2, $"the client connected {client.Connections} time(s)");
        // Sequence numbers count a station's packets of every channel, so only a station taken whole runs without gaps.
        var whole = records.Where(r => r.StationId == "NO_ARA0").Select(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range((int)whole[0], whole.Count).Select(s => (ulong)s), whole);
        Assert.Contains(records, r => r.StationId == "NO_ARB1");
        var keys = records.Select(Parse).Select(r => (r.SourceId.SeedCode, r.StartTime)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task Should_resume_from_the_state_file_after_a_restart()
    {
        await using var server = StartServer();
        var options = Options(server, "NO_ARA0") with { StartUtc = ReplayArchive.StartUtc, StateFilePath = _state };
        List<SeedLinkRecord> first;
        await using (var client = new SeedLinkClient(options))
            first = await Take(client, 20);
        var saved = File.ReadAllText(_state);

        await using var restarted = new SeedLinkClient(options);
        var second = await Take(restarted, 5);

        Assert.Contains($"NO_ARA0 {first[^1].Sequence}", saved);
        Assert.Equal(first[^1].Sequence + 1, second[0].Sequence);
    }

    [Fact]
    public async Task Should_resume_from_the_committed_point_when_the_caller_commits()
    {
        await using var server = StartServer();
        var options = Options(server, "NO_ARA0:BHZ") with { StartUtc = ReplayArchive.StartUtc, StateFilePath = _state, CommitOnDelivery = false };
        List<SeedLinkRecord> first;
        await using (var client = new SeedLinkClient(options))
        {
            first = await Take(client, 20);
            client.Commit("NO_ARA0", first[9].Sequence);
        }

        await using var restarted = new SeedLinkClient(options);
        var second = await Take(restarted, 1);

        Assert.Equal(first[10].Sequence, second[0].Sequence);
        Assert.Equal(first[10].MiniSeed.ToArray(), second[0].MiniSeed.ToArray());
    }

    [Fact]
    public async Task Should_reconnect_when_the_server_goes_silent_and_lose_nothing()
    {
        // Near real time (20 times), so the silence falls between packets, not after a burst already buffered.
        await using var server = StartServer(speed: 20);
        await using var client = new SeedLinkClient(Options(server, "NO_ARA0"));
        var states = new List<string>();
        client.StateChanged += (state, description) => { lock (states) states.Add($"{state}: {description}"); };

        var records = await Take(client, 40, count =>
        {
            if (count == 10)
            {
                server.Faults.Silence();
                _ = Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ => server.Faults.Speak(), TaskScheduler.Default);
            }
        });

        lock (states)
            Assert.Contains(states, s => s.StartsWith("Reconnecting", StringComparison.Ordinal) && s.Contains("nothing received", StringComparison.Ordinal));
        Assert.True(client.Connections >= 2, $"{client.Connections} connection(s)");
        var sequences = records.Select(r => r.Sequence).ToList();
        Assert.Equal(Enumerable.Range((int)sequences[0], sequences.Count).Select(s => (ulong)s), sequences);
    }

    [Theory]
    [InlineData(ProtocolPreference.Version3)]
    [InlineData(ProtocolPreference.Version4)]
    public async Task Should_refuse_a_station_the_server_does_not_have_with_its_name(ProtocolPreference protocol)
    {
        await using var server = StartServer();
        await using var client = new SeedLinkClient(Options(server, "XX_NONE", protocol));

        var refused = await Assert.ThrowsAsync<SeedLinkException>(() => Take(client, 1));

        Assert.Contains("XX_NONE", refused.Message);
    }

    [Fact]
    public async Task Should_go_on_with_the_other_stations_when_one_is_refused()
    {
        await using var server = StartServer();
        await using var client = new SeedLinkClient(Options(server, "XX_NONE,NO_ARA0:BHZ") with { StartUtc = ReplayArchive.StartUtc });

        var records = await Take(client, 5);

        Assert.All(records, r => Assert.Equal("NO_ARA0", r.StationId));
    }

    [Fact]
    public async Task Should_list_stations_and_streams_as_XML_in_protocol_3_and_JSON_in_protocol_4()
    {
        await using var server = StartServer();
        await using var version3 = new SeedLinkClient(Options(server, "NO_ARA0", ProtocolPreference.Version3));
        await using var version4 = new SeedLinkClient(Options(server, "NO_ARA0", ProtocolPreference.Version4));

        var xml = XDocument.Parse(await version3.InfoAsync("STREAMS"));
        var json = JsonDocument.Parse(await version4.InfoAsync("STREAMS"));

        var stations = xml.Root!.Elements("station").ToList();
        Assert.Contains(stations, s => (string?)s.Attribute("name") == "ARA0" && (string?)s.Attribute("network") == "NO");
        Assert.Contains(stations.SelectMany(s => s.Elements("stream")), s => (string?)s.Attribute("seedname") == "BHZ");
        var ids = json.RootElement.GetProperty("station").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains("NO_ARA0", ids);
        Assert.Equal(stations.Count, ids.Count);
    }

    [Fact]
    public async Task Should_give_two_clients_the_same_sequence_numbers()
    {
        await using var server = StartServer();
        await using var one = new SeedLinkClient(Options(server, "NO_ARA0:BHZ", ProtocolPreference.Version3) with { StartUtc = ReplayArchive.StartUtc });
        await using var two = new SeedLinkClient(Options(server, "NO_ARA0:BHZ", ProtocolPreference.Version4) with { StartUtc = ReplayArchive.StartUtc });

        var first = await Take(one, 10);
        var second = await Take(two, 10);

        Assert.Equal(first.Select(r => r.Sequence), second.Select(r => r.Sequence));
        Assert.Equal(first.Select(r => Parse(r).StartTime), second.Select(r => Parse(r).StartTime));
    }

    [Fact]
    public async Task Should_end_a_fetch_once_the_buffered_packets_are_sent()
    {
        await using var server = StartServer(speed: 600);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await using var client = new SeedLinkClient(Options(server, "NO_ARA0:BHZ") with { StartUtc = ReplayArchive.StartUtc, DialUp = true });

        var records = await Take(client, int.MaxValue);

        Assert.NotEmpty(records);
        Assert.True(records.Count < 1000, $"{records.Count} records");
    }
}

/// <summary>The replay server at the level of the wire, as a client that batches its commands sees it.</summary>
public sealed class ReplayServerWireTests(ReplayArchive archive) : IClassFixture<ReplayArchive>
{
    [Fact]
    public async Task Should_refuse_the_SELECT_and_DATA_of_a_refused_station_and_serve_only_the_accepted_one()
    {
        await using var server = SeedLinkReplayServer.Start(new ReplayOptions(archive.ArchivePath, 120), new IPEndPoint(IPAddress.Loopback, 0));
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("STATION NONE XX\r\nSELECT BHZ\r\nDATA\r\nSTATION ARA0 NO\r\nSELECT BHZ\r\nTIME 2024,03,05,09,00,00\r\nEND\r\n"u8.ToArray());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answers = new List<string>();
        while (answers.Count < 6)
            answers.Add(await AnswerLine(stream, timeout.Token));

        Assert.Equal(["ERROR", "ERROR", "ERROR", "OK", "OK", "OK"], answers);
        var packet = await Seismic.SeedLink.Protocol.PacketCodec.ReadAsync(stream, timeout.Token);
        var record = MiniSeedReader.Read(packet!.Payload).Records.Single();
        Assert.Equal("NO.ARA0..BHZ", record.SourceId.SeedCode);
    }

    /// <summary>One answer line, a byte at a time, so that the packets after it stay in the stream.</summary>
    private static async Task<string> AnswerLine(Stream stream, CancellationToken cancellationToken)
    {
        var line = new System.Text.StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1 && one[0] != '\n')
        {
            if (one[0] != '\r')
                line.Append((char)one[0]);
        }
        return line.ToString();
    }
}
