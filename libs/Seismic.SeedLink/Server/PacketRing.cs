using Seismic.Waveforms.Time;

namespace Seismic.SeedLink.Server;

/// <summary>
/// The packets released so far, in release order, kept for a bounded span of replay time so that clients can
/// resume. Positions are absolute (they keep counting when old packets are dropped), so a session's place in
/// the ring survives trimming. Thread-safe; sessions wait on <see cref="WaitBeyondAsync"/> for new packets.
/// </summary>
public sealed class PacketRing
{
    private readonly Lock _gate = new();
    private readonly List<ReplayPacket> _packets = [];
    private long _firstPosition;
    private TaskCompletionSource _grown = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Absolute position one past the newest packet.</summary>
    public long EndPosition
    {
        get
        {
            lock (_gate)
                return _firstPosition + _packets.Count;
        }
    }

    public void Append(IEnumerable<ReplayPacket> packets)
    {
        TaskCompletionSource grown;
        lock (_gate)
        {
            var before = _packets.Count;
            _packets.AddRange(packets);
            if (_packets.Count == before)
                return;
            grown = _grown;
            _grown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        grown.TrySetResult();
    }

    /// <summary>Drops the packets that ended before <paramref name="before"/>, oldest first.</summary>
    public void TrimBefore(NanoTime before)
    {
        lock (_gate)
        {
            var drop = 0;
            while (drop < _packets.Count && _packets[drop].EndTime < before)
                drop++;
            _packets.RemoveRange(0, drop);
            _firstPosition += drop;
        }
    }

    /// <summary>Packets from <paramref name="position"/> on (from the oldest kept if that one was dropped), at most <paramref name="maximum"/>.</summary>
    public IReadOnlyList<(long Position, ReplayPacket Packet)> From(long position, int maximum)
    {
        lock (_gate)
        {
            var start = (int)Math.Max(0, position - _firstPosition);
            var count = Math.Max(0, Math.Min(maximum, _packets.Count - start));
            var result = new List<(long, ReplayPacket)>(count);
            for (var i = start; i < start + count; i++)
                result.Add((_firstPosition + i, _packets[i]));
            return result;
        }
    }

    /// <summary>All kept packets, oldest first (for INFO and for finding where a resume starts).</summary>
    public IReadOnlyList<(long Position, ReplayPacket Packet)> Snapshot() => From(0, int.MaxValue);

    /// <summary>Completes when the ring holds a packet at or beyond <paramref name="position"/>.</summary>
    public Task WaitBeyondAsync(long position, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_firstPosition + _packets.Count > position)
                return Task.CompletedTask;
            return _grown.Task.WaitAsync(cancellationToken);
        }
    }
}
