using System.Collections.Concurrent;

namespace Seismic.Ingest.Live;

/// <summary>One station's place in the live stream.</summary>
/// <param name="StationId">NET_STA.</param>
/// <param name="NewestSampleUtc">End of the newest record received (its last sample plus one period).</param>
/// <param name="LastReceivedUtc">When the newest record arrived.</param>
/// <param name="LatencySeconds">How far the station's data are behind the clock: now − <paramref name="NewestSampleUtc"/> (SeedLink's usual latency).</param>
/// <param name="BehindSeconds">
/// How far the station is behind the freshest station of the stream. This is what decides whether its data
/// reach their segments before the deadline, in real time and in a replay of old data alike (where the latency
/// against the clock is years).
/// </param>
public sealed record StationLag(string StationId, DateTime NewestSampleUtc, DateTime LastReceivedUtc, double LatencySeconds, double BehindSeconds);

/// <summary>
/// What live ingest is doing, for health checks, metrics and the console: the connection, each station's
/// latency, and the segments and late records counted so far. Written by the live loop, read by anyone.
/// </summary>
public sealed class LiveStatus
{
    private readonly ConcurrentDictionary<string, (DateTime NewestSampleUtc, DateTime LastReceivedUtc)> _stations = new(StringComparer.Ordinal);
    private long _lateRecords;
    private long _segmentsComplete;
    private long _segmentsOnDeadline;
    private long _recordsReceived;

    /// <summary>The SeedLink server's address, once live ingest has started.</summary>
    public string? Server { get; set; }

    /// <summary>The SeedLink connection's state in words (connecting, streaming, reconnecting in 4 s...).</summary>
    public string Connection { get; set; } = "not started";

    /// <summary>True while records are streaming.</summary>
    public bool IsStreaming { get; set; }

    /// <summary>When the connection last changed state.</summary>
    public DateTime ConnectionChangedUtc { get; set; }

    /// <summary>Why live ingest cannot run (no inventory, a refused station...); null while it can.</summary>
    public string? Failure { get; set; }

    public long LateRecords => Interlocked.Read(ref _lateRecords);

    public long SegmentsComplete => Interlocked.Read(ref _segmentsComplete);

    public long SegmentsOnDeadline => Interlocked.Read(ref _segmentsOnDeadline);

    public long RecordsReceived => Interlocked.Read(ref _recordsReceived);

    public void RecordReceived(string stationId, DateTime newestSampleUtc, DateTime receivedUtc)
    {
        Interlocked.Increment(ref _recordsReceived);
        _stations.AddOrUpdate(stationId, (newestSampleUtc, receivedUtc), (_, old) =>
            (newestSampleUtc > old.NewestSampleUtc ? newestSampleUtc : old.NewestSampleUtc, receivedUtc));
    }

    public void RecordLate() => Interlocked.Increment(ref _lateRecords);

    public void SegmentLeft(bool complete) => Interlocked.Increment(ref complete ? ref _segmentsComplete : ref _segmentsOnDeadline);

    /// <summary>Every station heard from, by latency at <paramref name="nowUtc"/>, worst first.</summary>
    public IReadOnlyList<StationLag> Lags(DateTime nowUtc)
    {
        var stations = _stations.ToArray();
        if (stations.Length == 0)
            return [];
        var freshest = stations.Max(s => s.Value.NewestSampleUtc);
        return stations
            .Select(s => new StationLag(s.Key, s.Value.NewestSampleUtc, s.Value.LastReceivedUtc, (nowUtc - s.Value.NewestSampleUtc).TotalSeconds, (freshest - s.Value.NewestSampleUtc).TotalSeconds))
            .OrderByDescending(s => s.LatencySeconds)
            .ToList();
    }
}
