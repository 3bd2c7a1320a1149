using System.Globalization;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Seismic.SeedLink.Protocol;
using Seismic.Waveforms.MiniSeed;

namespace Seismic.SeedLink.Client;

/// <summary>
/// A SeedLink client that survives real networks: it negotiates protocol 4 where the server offers it (else 3),
/// keeps a quiet connection alive with INFO ID, drops one that brings nothing for the idle timeout, reconnects
/// with exponential back-off and jitter, and resumes every station from the packet after the last one it
/// handed out, so nothing is lost or repeated. Sequence numbers are kept in a state file across restarts.
/// </summary>
public sealed partial class SeedLinkClient : IAsyncDisposable
{
    private readonly SeedLinkClientOptions _options;
    private readonly ILogger _logger;
    private readonly string _host;
    private readonly int _port;
    private readonly Random _jitter;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StationPosition> _delivered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StationPosition> _committed = new(StringComparer.Ordinal);
    private readonly List<StationRequest> _stations;
    private DateTime _stateSavedUtc = DateTime.MinValue;
    private bool _stateDirty;

    /// <exception cref="FormatException">The address is not seedlink://host[:port].</exception>
    /// <exception cref="InvalidDataException">The state file is corrupt (the message says how to recover).</exception>
    public SeedLinkClient(SeedLinkClientOptions options, ILogger? logger = null, Random? jitter = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? NullLogger.Instance;
        _jitter = jitter ?? Random.Shared;
        (_host, _port) = ParseAddress(options.Address);
        if (options.Stations.Count == 0)
            throw new ArgumentException("a SeedLink client needs at least one station", nameof(options));
        if (options.StartUtc is { } start && options.EndUtc is { } end && end <= start)
            throw new ArgumentException($"the time window ends ({end:O}) before it starts ({start:O})", nameof(options));
        _stations = options.Stations.ToList();
        if (options.StateFilePath is { } path)
        {
            foreach (var (station, position) in SequenceStateFile.Read(path))
            {
                _delivered[station] = position;
                _committed[station] = position;
            }
        }
    }

    /// <summary>Connection state changes, with a description (the server's id, the reconnect delay, the error).</summary>
    public event Action<SeedLinkConnectionState, string>? StateChanged;

    public SeedLinkConnectionState State { get; private set; } = SeedLinkConnectionState.Stopped;

    /// <summary>The server's HELLO line, once connected.</summary>
    public string? ServerId { get; private set; }

    /// <summary>3 or 4, once negotiated.</summary>
    public int ProtocolVersion { get; private set; }

    public long Connections { get; private set; }

    public long PacketsReceived { get; private set; }

    public string Address => _options.Address;

    /// <summary>Each station's last delivered position (what a reconnect resumes after).</summary>
    public IReadOnlyDictionary<string, StationPosition> Delivered
    {
        get
        {
            lock (_gate)
                return new Dictionary<string, StationPosition>(_delivered, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Marks a station's records up to <paramref name="sequence"/> done: the state file resumes after it.
    /// Only needed with <see cref="SeedLinkClientOptions.CommitOnDelivery"/> false.
    /// </summary>
    public void Commit(string stationId, ulong sequence, DateTime? recordStartUtc = null)
    {
        lock (_gate)
        {
            _committed[stationId] = new StationPosition(sequence, recordStartUtc);
            _stateDirty = true;
        }
        SaveStateIfDue(force: false);
    }

    /// <summary>
    /// The data records, reconnecting as needed, until the time window or FETCH ends, the server refuses every
    /// station (<see cref="SeedLinkException"/>), or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<SeedLinkRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var records = Channel.CreateBounded<SeedLinkRecord>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Task.Run(() => PumpAsync(records.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var record in records.Reader.ReadAllAsync(cancellationToken))
            {
                lock (_gate)
                {
                    _delivered[record.StationId] = new StationPosition(record.Sequence, null);
                    if (_options.CommitOnDelivery)
                    {
                        _committed[record.StationId] = new StationPosition(record.Sequence, null);
                        _stateDirty = true;
                    }
                }
                SaveStateIfDue(force: false);
                yield return record;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
            SaveStateIfDue(force: true);
            SetState(SeedLinkConnectionState.Stopped, "stopped");
        }
    }

    /// <summary>The server's INFO document at <paramref name="level"/> (ID, STATIONS, STREAMS...): XML from protocol 3, JSON from 4.</summary>
    public async Task<string> InfoAsync(string level, CancellationToken cancellationToken = default)
    {
        using var tcp = await ConnectAsync(cancellationToken);
        var stream = tcp.GetStream();
        var version = await HelloAsync(stream, cancellationToken);
        await SendAsync(stream, $"INFO {level}", cancellationToken);
        var text = new StringBuilder();
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(_options.IdleTimeout);
        while (true)
        {
            var packet = await PacketCodec.ReadAsync(stream, idle.Token)
                ?? throw new SeedLinkException($"{Address}: the connection closed before INFO {level} was answered");
            if (version >= 4)
            {
                if (packet.IsError)
                    throw new SeedLinkException($"{Address} refused INFO {level}: {Encoding.UTF8.GetString(packet.Payload.Span)}");
                if (packet.IsInfo)
                    return Encoding.UTF8.GetString(packet.Payload.Span);
                continue;
            }
            if (!packet.IsInfo)
                continue;
            var log = MiniSeedReader.Read(packet.Payload).Records.FirstOrDefault();
            if (log?.DecodeSamples().Values is byte[] bytes)
                text.Append(Encoding.ASCII.GetString(bytes));
            if (!packet.MoreInfoFollows)
                return text.ToString();
        }
    }

    public ValueTask DisposeAsync()
    {
        SaveStateIfDue(force: true);
        return ValueTask.CompletedTask;
    }

    private async Task PumpAsync(ChannelWriter<SeedLinkRecord> output, CancellationToken cancellationToken)
    {
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var streamed = false;
                try
                {
                    var finished = await SessionAsync(output, () => streamed = true, cancellationToken);
                    if (finished)
                        break;
                    throw new IOException("the server closed the connection");
                }
                catch (Exception lost) when (lost is IOException or SocketException or SeedLinkProtocolException or TimeoutException
                    || (lost is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    failures = streamed ? 1 : failures + 1;
                    var delay = ReconnectDelay(failures);
                    var reason = lost is OperationCanceledException ? $"nothing received for {_options.IdleTimeout.TotalSeconds:0.#} s" : lost.Message;
                    SetState(SeedLinkConnectionState.Reconnecting, $"{reason}; reconnecting in {delay.TotalSeconds:0.0} s");
                    LogReconnecting(Address, reason, delay.TotalSeconds);
                    await Task.Delay(delay, cancellationToken);
                }
            }
            output.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.TryComplete();
        }
        catch (Exception fatal)
        {
            output.TryComplete(fatal);
        }
    }

    /// <summary>Exponential back-off with ±25 % jitter, so that many clients do not return all at once.</summary>
    internal TimeSpan ReconnectDelay(int failures)
    {
        var exponent = Math.Min(failures - 1, 20);
        var delay = Math.Min(_options.ReconnectDelayMax.TotalSeconds, _options.ReconnectDelayMin.TotalSeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds(delay * (0.75 + (0.5 * _jitter.NextDouble())));
    }

    /// <summary>One connection: negotiate, then stream until it ends. True when the stream ended as asked (END after FETCH or a window).</summary>
    private async Task<bool> SessionAsync(ChannelWriter<SeedLinkRecord> output, Action streamed, CancellationToken cancellationToken)
    {
        SetState(SeedLinkConnectionState.Connecting, Address);
        using var tcp = await ConnectAsync(cancellationToken);
        var stream = tcp.GetStream();
        SetState(SeedLinkConnectionState.Negotiating, Address);
        var version = await HelloAsync(stream, cancellationToken);
        Connections++;
        await NegotiateAsync(stream, version, cancellationToken);
        SetState(SeedLinkConnectionState.Streaming, $"{ServerId} (protocol {version})");

        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepalive = KeepAliveAsync(stream, session.Token);
        try
        {
            while (true)
            {
                SeedLinkPacket? packet;
                using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    // A connection that brings nothing (not even the keepalive's answer) for this long is dead.
                    idle.CancelAfter(_options.IdleTimeout);
                    packet = await PacketCodec.ReadAsync(stream, idle.Token);
                }
                if (packet is null)
                    return _options.DialUp || _options.EndUtc is not null;
                if (packet.IsInfo)
                    continue;
                if (packet.IsError)
                {
                    LogServerError(Address, Encoding.UTF8.GetString(packet.Payload.Span));
                    continue;
                }
                if (!packet.IsMiniSeedData)
                    continue;
                streamed();
                PacketsReceived++;
                var station = packet.StationId.Length > 0 ? packet.StationId : StationOf(packet.Payload);
                await output.WriteAsync(new SeedLinkRecord(station, packet.Sequence, packet.Format, packet.Payload, DateTime.UtcNow), cancellationToken);
            }
        }
        finally
        {
            await session.CancelAsync();
            await keepalive;
        }
    }

    /// <summary>Asks for the server's id every keepalive interval: its answer keeps firewalls open and proves the link alive.</summary>
    private async Task KeepAliveAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.KeepaliveInterval, cancellationToken);
                await SendAsync(stream, "INFO ID", cancellationToken);
            }
        }
        catch (Exception ended) when (ended is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // The session ended; the reading loop reports why.
        }
    }

    private async Task<TcpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.IdleTimeout);
            await tcp.ConnectAsync(_host, _port, timeout.Token);
            return tcp;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new TimeoutException($"{Address}: no connection within {_options.IdleTimeout.TotalSeconds:0.#} s");
        }
        catch (SocketException refused)
        {
            tcp.Dispose();
            throw new IOException($"{Address}: {refused.Message}", refused);
        }
    }

    /// <summary>HELLO, and SLPROTO 4.0 when wanted and offered; returns the protocol version.</summary>
    private async Task<int> HelloAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        await SendAsync(stream, "HELLO", cancellationToken);
        ServerId = await ReadLineAsync(stream, cancellationToken);
        // The second line names the organisation; nothing depends on it.
        await ReadLineAsync(stream, cancellationToken);
        var offersVersion4 = ServerId.Split(' ').Any(word => word.StartsWith("SLPROTO:4", StringComparison.Ordinal));
        var version = _options.Protocol switch
        {
            ProtocolPreference.Version3 => 3,
            ProtocolPreference.Version4 when !offersVersion4 => throw new SeedLinkException($"{Address} does not offer SeedLink protocol 4 (it says: {ServerId})"),
            ProtocolPreference.Version4 => 4,
            _ => offersVersion4 ? 4 : 3,
        };
        if (version == 4)
            await CommandAsync(stream, 4, "SLPROTO 4.0", cancellationToken);
        ProtocolVersion = version;
        return version;
    }

    private async Task NegotiateAsync(NetworkStream stream, int version, CancellationToken cancellationToken)
    {
        if (version == 4)
            await TryCommandAsync(stream, 4, $"USERAGENT {_options.UserAgent}", cancellationToken);
        foreach (var request in _stations.ToList())
        {
            var station = version >= 4 ? $"STATION {request.StationId}" : $"STATION {request.Station} {request.Network}";
            var refusal = await TryCommandAsync(stream, version, station, cancellationToken);
            if (refusal is not null)
            {
                // A station the server does not have: the others go on; refusing them all ends the client.
                LogStationRefused(Address, request.StationId, refusal);
                _stations.Remove(request);
                if (_stations.Count == 0)
                    throw new SeedLinkException($"{Address} refused station {request.StationId}: {refusal}");
                continue;
            }
            foreach (var selector in request.Selectors)
            {
                var select = version >= 4 ? StationRequest.ToVersion4Selector(selector) : selector;
                if (await TryCommandAsync(stream, version, $"SELECT {select}", cancellationToken) is { } refused)
                    throw new SeedLinkException($"{Address} refused SELECT {select} for {request.StationId}: {refused}");
            }
            await CommandAsync(stream, version, StartCommand(request, version), cancellationToken);
        }
        await SendAsync(stream, version >= 4 && _options.DialUp ? "ENDFETCH" : "END", cancellationToken);
    }

    /// <summary>DATA/FETCH from the packet after the last one delivered, or from the window's start, or new data only.</summary>
    private string StartCommand(StationRequest request, int version)
    {
        var verb = _options.DialUp ? "FETCH" : "DATA";
        StationPosition? position;
        lock (_gate)
            position = _delivered.GetValueOrDefault(request.StationId);
        var end = _options.EndUtc is { } e ? " " + Time(e, version) : "";
        if (position is not null)
        {
            var next = position.Sequence + 1;
            var sequence = version >= 4 ? next.ToString(CultureInfo.InvariantCulture) : (next % SeedLinkPacket.Version3SequenceModulus).ToString("X6", CultureInfo.InvariantCulture);
            return version >= 4 || end.Length == 0 ? $"{verb} {sequence}{(end.Length > 0 ? " " + Time(_options.StartUtc ?? DateTime.UnixEpoch, version) + end : "")}" : $"{verb} {sequence}";
        }
        if (_options.StartUtc is { } start)
            return version >= 4 ? $"{verb} ALL {Time(start, 4)}{end}" : $"TIME {Time(start, 3)}{end}";
        return verb;
    }

    private static string Time(DateTime utc, int version) => version >= 4
        ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)
        : utc.ToString("yyyy,MM,dd,HH,mm,ss", CultureInfo.InvariantCulture);

    private async Task CommandAsync(NetworkStream stream, int version, string command, CancellationToken cancellationToken)
    {
        if (await TryCommandAsync(stream, version, command, cancellationToken) is { } refusal)
            throw new SeedLinkException($"{Address} refused '{command}': {refusal}");
    }

    /// <summary>Sends a command and reads its answer: null for OK, the server's words for ERROR.</summary>
    private async Task<string?> TryCommandAsync(NetworkStream stream, int version, string command, CancellationToken cancellationToken)
    {
        await SendAsync(stream, command, cancellationToken);
        var answer = await ReadLineAsync(stream, cancellationToken);
        if (answer.StartsWith("OK", StringComparison.Ordinal))
            return null;
        if (answer.StartsWith("ERROR", StringComparison.Ordinal))
            return answer.Length > 6 ? answer[6..].Trim() : "ERROR";
        throw new SeedLinkProtocolException($"{Address} answered '{command}' with '{answer}' (protocol {version})");
    }

    private static async Task SendAsync(NetworkStream stream, string command, CancellationToken cancellationToken) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken);

    /// <summary>One answer line, read a byte at a time so that no packet byte after it is consumed.</summary>
    private async Task<string> ReadLineAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.IdleTimeout);
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, timeout.Token) == 0)
                throw new IOException($"{Address} closed the connection{(line.Length > 0 ? $" after '{line}'" : "")}");
            if (one[0] == '\n')
                return line.ToString().TrimEnd('\r');
            if (line.Length > 4096)
                throw new SeedLinkProtocolException($"{Address} sent a line of more than 4096 bytes during the handshake");
            line.Append((char)one[0]);
        }
    }

    private static string StationOf(ReadOnlyMemory<byte> record)
    {
        var parsed = MiniSeedReader.Read(record).Records.FirstOrDefault()
            ?? throw new SeedLinkProtocolException("a protocol 3 packet holds no readable miniSEED record");
        return $"{parsed.SourceId.Network}_{parsed.SourceId.Station}";
    }

    private void SaveStateIfDue(bool force)
    {
        if (_options.StateFilePath is not { } path)
            return;
        Dictionary<string, StationPosition> snapshot;
        lock (_gate)
        {
            if (!_stateDirty || (!force && DateTime.UtcNow - _stateSavedUtc < _options.StateSaveInterval))
                return;
            snapshot = new Dictionary<string, StationPosition>(_committed, StringComparer.Ordinal);
            _stateDirty = false;
            _stateSavedUtc = DateTime.UtcNow;
        }
        SequenceStateFile.Write(path, snapshot);
    }

    private void SetState(SeedLinkConnectionState state, string description)
    {
        State = state;
        StateChanged?.Invoke(state, description);
    }

    /// <summary>Host and port of seedlink://host[:port].</summary>
    /// <exception cref="FormatException">Not a SeedLink address; the message shows the expected form.</exception>
    public static (string Host, int Port) ParseAddress(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || !uri.Scheme.Equals("seedlink", StringComparison.OrdinalIgnoreCase) || uri.Host.Length == 0)
            throw new FormatException($"'{address}' is not a SeedLink address; expected seedlink://host[:port], e.g. seedlink://rtserve.iris.washington.edu:18000");
        return (uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 18000 : uri.Port);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SeedLink {Address}: {Reason}; reconnecting in {DelaySeconds:0.0} s")]
    private partial void LogReconnecting(string address, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "SeedLink {Address} refused station {Station}: {Refusal}; the other stations go on")]
    private partial void LogStationRefused(string address, string station, string refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SeedLink {Address} sent an error: {Error}")]
    private partial void LogServerError(string address, string error);
}
