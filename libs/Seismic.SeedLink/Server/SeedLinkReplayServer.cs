using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Seismic.SeedLink.Server;

/// <summary>
/// Failures to rehearse on purpose: a server that goes silent (connections stay open, nothing is sent), and
/// the dropping of every connection. A dead station is <see cref="ArchiveReplay.Stop"/>.
/// </summary>
public sealed class ReplayFaults
{
    private volatile TaskCompletionSource? _silence;

    public bool IsSilent => _silence is not null;

    /// <summary>Stops sending anything (packets, INFO answers) until <see cref="Speak"/>.</summary>
    public void Silence() => _silence ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Speak()
    {
        var silence = _silence;
        _silence = null;
        silence?.TrySetResult();
    }

    internal Task WaitWhileSilentAsync(CancellationToken cancellationToken) =>
        _silence is { } silence ? silence.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
}

/// <summary>
/// A SeedLink server (protocol 3 and 4) that replays an SDS archive in real time or faster, as SeisComP's
/// playback does: for demos, tests and rehearsals of live monitoring. Several clients at once; each station
/// numbers its packets, so clients resume where they left off.
/// </summary>
public sealed partial class SeedLinkReplayServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<ClientSession, Task> _sessions = new();
    private readonly ILogger _logger;
    private readonly Task _accepting;
    private readonly Task _clock;

    private SeedLinkReplayServer(ArchiveReplay replay, IPEndPoint endPoint, string organization, ILogger logger)
    {
        Replay = replay;
        Organization = organization;
        _logger = logger;
        _listener = new TcpListener(endPoint);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _clock = Task.Run(RunClockAsync);
        _accepting = Task.Run(AcceptAsync);
    }

    public ArchiveReplay Replay { get; }

    public ReplayFaults Faults { get; } = new();

    public string Organization { get; }

    /// <summary>The port listened on (the one the system chose when 0 was asked).</summary>
    public int Port { get; }

    public int ConnectionCount => _sessions.Count;

    /// <summary>Starts replaying and listening.</summary>
    /// <exception cref="ReplayException">The archive cannot be replayed as asked.</exception>
    /// <exception cref="SocketException">The port is taken or the address is not this host's.</exception>
    public static SeedLinkReplayServer Start(ReplayOptions options, IPEndPoint? endPoint = null, string organization = "Seismic", TimeProvider? clock = null, ILogger? logger = null)
    {
        var replay = new ArchiveReplay(options, clock);
        replay.Advance();
        return new SeedLinkReplayServer(replay, endPoint ?? new IPEndPoint(IPAddress.Loopback, 18000), organization, logger ?? NullLogger.Instance);
    }

    /// <summary>Closes every client connection (they may reconnect and resume).</summary>
    public void DropConnections()
    {
        foreach (var session in _sessions.Keys)
            session.Drop();
    }

    private async Task RunClockAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                Replay.Advance();
            }
            catch (Exception failed) when (failed is IOException or InvalidDataException or Seismic.Sources.WaveformSourceException)
            {
                LogArchiveProblem(failed.Message);
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient tcp;
            try
            {
                tcp = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            tcp.NoDelay = true;
            var session = new ClientSession(tcp, this, _logger);
            LogConnected(session.Peer);
            _sessions[session] = Task.Run(async () =>
            {
                await session.RunAsync(_stopping.Token);
                _sessions.TryRemove(session, out _);
                LogDisconnected(session.Peer);
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        DropConnections();
        await Task.WhenAll(_sessions.Values.Append(_accepting).Append(_clock));
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SeedLink client {Peer} connected")]
    private partial void LogConnected(string peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "SeedLink client {Peer} disconnected")]
    private partial void LogDisconnected(string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay: {Problem}")]
    private partial void LogArchiveProblem(string problem);
}
