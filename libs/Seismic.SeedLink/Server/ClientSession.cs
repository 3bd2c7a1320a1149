using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Seismic.SeedLink.Protocol;

namespace Seismic.SeedLink.Server;

/// <summary>
/// One client's connection: the handshake (protocol 3 or, after SLPROTO 4.0, 4), then the stream of the
/// stations and channels it chose, from where it asked to start. INFO and BYE are answered while streaming.
/// </summary>
internal sealed partial class ClientSession(TcpClient tcp, SeedLinkReplayServer server, ILogger logger)
{
    private readonly NetworkStream _stream = tcp.GetStream();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly List<StationRequest> _stations = [];
    private StationRequest? _current;

    /// <summary>The last STATION was refused: its SELECT and DATA are refused too, never applied to another station.</summary>
    private bool _stationRefused;
    private int _version = 3;

    public string Peer { get; } = tcp.Client.RemoteEndPoint?.ToString() ?? "client";

    public void Drop() => tcp.Close();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = new CommandLineReader(_stream);
        try
        {
            var fetch = await HandshakeAsync(reader, cancellationToken);
            if (fetch is null)
                return;
            using var streaming = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var commands = ReadWhileStreamingAsync(reader, streaming);
            await StreamAsync(fetch.Value, streaming.Token);
            await streaming.CancelAsync();
            await commands;
        }
        catch (Exception closed) when (closed is IOException or SocketException or ObjectDisposedException or OperationCanceledException or SeedLinkProtocolException)
        {
            // The client left, the server stopped or the connection was dropped on purpose.
        }
        finally
        {
            tcp.Close();
        }
    }

    /// <summary>Answers commands until END (false) or ENDFETCH / FETCH's END (true); null when the client left.</summary>
    private async Task<bool?> HandshakeAsync(CommandLineReader reader, CancellationToken cancellationToken)
    {
        var fetch = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                continue;
            var verb = words[0].ToUpperInvariant();
            var args = words[1..];
            switch (verb)
            {
                case "HELLO":
                    // The first word names the highest version (the v4 specification requires it); SLPROTO lists each major one.
                    await WriteTextAsync($"SeedLink v4.0 ({InfoDocuments.Software}) :: SLPROTO:3.1 SLPROTO:4.0 CAP EXTREPLY NSWILDCARD\r\n{server.Organization}\r\n", cancellationToken);
                    break;
                case "SLPROTO" when args.Length == 1 && (args[0] == "4.0" || args[0].StartsWith("3.", StringComparison.Ordinal)):
                    _version = args[0][0] - '0';
                    await OkAsync(cancellationToken);
                    break;
                case "USERAGENT" or "CAPABILITIES" or "BATCH":
                    await OkAsync(cancellationToken);
                    break;
                case "STATION":
                    await StationAsync(args, cancellationToken);
                    break;
                case "SELECT" or "DATA" or "FETCH" or "TIME" when _stationRefused:
                    // The specification: commands up to the next STATION are ignored. Answered, since clients
                    // that send them in a batch wait for one answer each.
                    await ErrorAsync("UNEXPECTED", $"{verb} ignored: the station before it was refused", cancellationToken);
                    break;
                case "SELECT":
                    await SelectAsync(args, cancellationToken);
                    break;
                case "DATA" or "FETCH" or "TIME":
                    fetch |= verb == "FETCH";
                    if (!await StartAsync(verb, args, cancellationToken))
                        break;
                    if (_stations.Count == 1 && _stations[0].Implicit)
                        return fetch; // protocol 3 uni-station mode: DATA starts the stream at once
                    break;
                case "END":
                    return _stations.Count == 0 ? await RefuseEmptyAsync(cancellationToken) : fetch;
                case "ENDFETCH":
                    return _stations.Count == 0 ? await RefuseEmptyAsync(cancellationToken) : true;
                case "INFO":
                    await InfoAsync(args, cancellationToken);
                    break;
                case "BYE":
                    return null;
                default:
                    LogCommandRefused(Peer, line);
                    await ErrorAsync("UNSUPPORTED", $"unknown command {verb}", cancellationToken);
                    break;
            }
        }
        return null;
    }

    private async Task<bool?> RefuseEmptyAsync(CancellationToken cancellationToken)
    {
        await ErrorAsync("UNEXPECTED", "no station selected before END", cancellationToken);
        return null;
    }

    private async Task StationAsync(string[] args, CancellationToken cancellationToken)
    {
        _current = null;
        _stationRefused = true;
        // Protocol 3: STATION sta [net]; protocol 4: STATION NET_STA (both with wildcards).
        string pattern = args.Length switch
        {
            1 when _version >= 4 || args[0].Contains('_', StringComparison.Ordinal) => args[0],
            1 => $"*_{args[0]}",
            2 => $"{args[1]}_{args[0]}",
            _ => "",
        };
        if (pattern.Length == 0)
        {
            await ErrorAsync("ARGUMENTS", "STATION needs a station (protocol 3: STATION sta net; protocol 4: STATION NET_STA)", cancellationToken);
            return;
        }
        if (!server.Replay.StationIds.Any(id => Wildcard.Matches(pattern, id)))
        {
            LogCommandRefused(Peer, $"STATION {string.Join(' ', args)}: no such station");
            await ErrorAsync("ARGUMENTS", $"no station {pattern} in this server", cancellationToken);
            return;
        }
        _current = new StationRequest(pattern, Implicit: false);
        _stations.Add(_current);
        _stationRefused = false;
        await OkAsync(cancellationToken);
    }

    private async Task SelectAsync(string[] args, CancellationToken cancellationToken)
    {
        if (args.Length != 1)
        {
            await ErrorAsync("ARGUMENTS", "SELECT needs one pattern", cancellationToken);
            return;
        }
        try
        {
            var selector = StreamSelector.Parse(args[0]);
            CurrentOrImplicit().Selectors.Add(selector);
            await OkAsync(cancellationToken);
        }
        catch (FormatException malformed)
        {
            await ErrorAsync("ARGUMENTS", malformed.Message, cancellationToken);
        }
    }

    /// <summary>DATA/FETCH [seq [begin [end]]] or TIME begin [end]; false when refused.</summary>
    private async Task<bool> StartAsync(string verb, string[] args, CancellationToken cancellationToken)
    {
        var request = CurrentOrImplicit();
        var times = args;
        if (verb != "TIME" && args.Length > 0)
        {
            // Protocol 4's ALL (and -1, as some clients send) means from the earliest packet kept.
            var all = args[0] is "ALL" or "-1";
            var ok = all || (_version >= 4
                ? ulong.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                : ulong.TryParse(args[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _));
            if (!ok)
            {
                await ErrorAsync("ARGUMENTS", $"{verb}: '{args[0]}' is not a sequence number", cancellationToken);
                return false;
            }
            request.NextSequence = all ? null : ulong.Parse(args[0], _version >= 4 ? NumberStyles.None : NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            request.FromEarliest = all;
            times = args[1..];
        }
        if (times.Length > 0)
        {
            if (!TryParseTime(times[0], out var begin) || (times.Length > 1 && !TryParseTime(times[1], out _)))
            {
                await ErrorAsync("ARGUMENTS", $"{verb}: cannot read the time '{string.Join(' ', times)}' (YYYY,MM,DD,hh,mm,ss or ISO 8601)", cancellationToken);
                return false;
            }
            request.BeginUtc = begin;
            request.EndUtc = times.Length > 1 && TryParseTime(times[1], out var end) ? end : null;
        }
        if (!request.Implicit)
            await OkAsync(cancellationToken);
        return true;
    }

    private StationRequest CurrentOrImplicit()
    {
        if (_current is not null)
            return _current;
        _current = new StationRequest("*", Implicit: true);
        _stations.Add(_current);
        return _current;
    }

    private async Task InfoAsync(string[] args, CancellationToken cancellationToken)
    {
        var level = args.Length > 0 ? args[0].ToUpperInvariant() : "";
        if (!InfoDocuments.Levels.Contains(level))
        {
            var problem = $"INFO level '{level}' is not one of {string.Join(", ", InfoDocuments.Levels)}";
            // Protocol 4 answers INFO with one JSON packet, an error one included; protocol 3 with ERROR.
            if (_version >= 4)
                await WritePacketAsync(PacketCodec.EncodeVersion4('J', 'E', 0, "", Encoding.UTF8.GetBytes(InfoDocuments.Error("ARGUMENTS", problem))), cancellationToken);
            else
                await ErrorAsync("ARGUMENTS", problem, cancellationToken);
            return;
        }
        if (_version >= 4)
        {
            var json = Encoding.UTF8.GetBytes(InfoDocuments.Json(level, server.Replay, server.Organization, server.ConnectionCount));
            await WritePacketAsync(PacketCodec.EncodeVersion4('J', 'I', 0, "", json), cancellationToken);
            return;
        }
        foreach (var packet in InfoDocuments.Version3Packets(InfoDocuments.Xml(level, server.Replay, server.Organization, server.ConnectionCount)))
            await WritePacketAsync(packet, cancellationToken);
    }

    private async Task ReadWhileStreamingAsync(CommandLineReader reader, CancellationTokenSource streaming)
    {
        try
        {
            while (await reader.ReadLineAsync(streaming.Token) is { } line)
            {
                var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                    continue;
                switch (words[0].ToUpperInvariant())
                {
                    case "INFO":
                        await InfoAsync(words[1..], streaming.Token);
                        break;
                    case "BYE":
                        await streaming.CancelAsync();
                        return;
                    default:
                        // The protocol allows only INFO and BYE while streaming; an answer would corrupt the stream.
                        LogCommandRefused(Peer, $"{line} (while streaming)");
                        break;
                }
            }
            await streaming.CancelAsync();
        }
        catch (Exception ended) when (ended is IOException or SocketException or ObjectDisposedException or OperationCanceledException or SeedLinkProtocolException)
        {
            await streaming.CancelAsync();
        }
    }

    private async Task StreamAsync(bool fetch, CancellationToken cancellationToken)
    {
        var ring = server.Replay.Ring;
        var position = StartPosition(ring);
        while (!cancellationToken.IsCancellationRequested)
        {
            await server.Faults.WaitWhileSilentAsync(cancellationToken);
            var batch = ring.From(position, 256);
            foreach (var (at, packet) in batch)
            {
                position = at + 1;
                if (_stations.FirstOrDefault(s => at >= s.FirstPosition && s.Matches(packet)) is not { } wanting)
                    continue;
                if (wanting.EndUtc is { } end && packet.StartTime.ToDateTime() >= end)
                    continue;
                await WritePacketAsync(Encode(packet), cancellationToken);
            }
            if (batch.Count > 0)
                continue;

            var windowsClosed = _stations.All(s => s.EndUtc is { } end && server.Replay.NowUtc >= end);
            if (fetch || windowsClosed)
            {
                await WriteTextAsync("END", cancellationToken);
                return;
            }
            try
            {
                await ring.WaitBeyondAsync(position, cancellationToken).WaitAsync(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>Where in the ring the stream begins: the earliest packet any station request wants; the ring's end when all want only new data.</summary>
    private long StartPosition(PacketRing ring)
    {
        var end = ring.EndPosition;
        foreach (var request in _stations)
            request.FirstPosition = end;
        long start = end;
        foreach (var (position, packet) in ring.Snapshot())
        {
            foreach (var request in _stations.Where(r => r.FirstPosition == end && r.Matches(packet)))
            {
                var fromSequence = request.NextSequence is not { } next || packet.Sequence >= next || SequenceWrapped(next, packet);
                var fromTime = request.BeginUtc is not { } begin || packet.EndTime.ToDateTime() > begin;
                var asked = request.NextSequence is not null || request.BeginUtc is not null || request.FromEarliest;
                if (asked && fromSequence && fromTime)
                {
                    request.FirstPosition = position;
                    start = Math.Min(start, position);
                }
            }
        }
        return start;
    }

    /// <summary>A protocol 3 client knows only the low 24 bits of a sequence number.</summary>
    private bool SequenceWrapped(ulong next, ReplayPacket packet) =>
        _version < 4 && next < SeedLinkPacket.Version3SequenceModulus && packet.Sequence >= SeedLinkPacket.Version3SequenceModulus
        && packet.Sequence % SeedLinkPacket.Version3SequenceModulus >= next;

    private byte[] Encode(ReplayPacket packet) => _version >= 4
        ? PacketCodec.EncodeVersion4('3', 'D', packet.Sequence, packet.StationId, packet.MiniSeed3)
        : PacketCodec.EncodeVersion3(packet.Sequence, packet.MiniSeed2.Span);

    private static bool TryParseTime(string text, out DateTime utc)
    {
        var parts = text.Split(',');
        if (parts.Length >= 6 && parts.Take(6).All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var n = parts.Take(6).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            try
            {
                utc = new DateTime(n[0], n[1], n[2], n[3], n[4], n[5], DateTimeKind.Utc);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                utc = default;
                return false;
            }
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
    }

    private Task OkAsync(CancellationToken cancellationToken) => WriteTextAsync("OK\r\n", cancellationToken);

    private Task ErrorAsync(string code, string description, CancellationToken cancellationToken) =>
        WriteTextAsync(_version >= 4 ? $"ERROR {code} {description}\r\n" : "ERROR\r\n", cancellationToken);

    private Task WriteTextAsync(string text, CancellationToken cancellationToken) => WritePacketAsync(Encoding.ASCII.GetBytes(text), cancellationToken);

    private async Task WritePacketAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        // A silent server answers nothing, not even the keepalive: what a client's idle timeout is for.
        await server.Faults.WaitWhileSilentAsync(cancellationToken);
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SeedLink {Peer}: refused {Command}")]
    private partial void LogCommandRefused(string peer, string command);

    /// <summary>What a client asked of one station pattern.</summary>
    private sealed record StationRequest(string Pattern, bool Implicit)
    {
        public List<StreamSelector> Selectors { get; } = [];

        public ulong? NextSequence { get; set; }

        public DateTime? BeginUtc { get; set; }

        public DateTime? EndUtc { get; set; }

        public bool FromEarliest { get; set; }

        public long FirstPosition { get; set; }

        public bool Matches(ReplayPacket packet) =>
            Wildcard.Matches(Pattern, packet.StationId) && StreamSelector.Admits(Selectors, packet.Channel);

    }
}
