using System.Globalization;
using Seismic.Sources.Sds;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Selection;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.SeedLink.Server;

/// <summary>A channel of the archive and the days it has files for.</summary>
public sealed record ArchiveChannel(SourceId Id, DateTime FirstDayUtc, DateTime LastDayUtc)
{
    public string StationId => $"{Id.Network}_{Id.Station}";
}

/// <summary>What the replay serves, and when.</summary>
/// <param name="ArchivePath">Root of the SDS archive.</param>
/// <param name="Speed">Replay time runs this many times faster than the wall clock.</param>
/// <param name="StartUtc">Replay time at start; null: the archive's first data.</param>
/// <param name="EndUtc">Replay stops releasing here; null: at the archive's end.</param>
/// <param name="RingRetention">How much replay time of released packets is kept for clients that resume.</param>
public sealed record ReplayOptions(string ArchivePath, double Speed = 1, DateTime? StartUtc = null, DateTime? EndUtc = null, TimeSpan? RingRetention = null);

/// <summary>The archive cannot be replayed as asked; the message names the cause.</summary>
public sealed class ReplayException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Plays an SDS archive back as a digitiser would send it: replay time runs at <see cref="ReplayOptions.Speed"/>
/// times the wall clock from its start, and each record is released when replay time passes its end. Records
/// are repacked into the 512-byte miniSEED 2 records protocol 3 carries (the simulator writes 4096-byte ones);
/// each station numbers its packets from 1 in release order. The archive is read a little ahead of the clock
/// (never whole: a day of ARCES is a gigabyte of samples), and released packets stay in the ring for resumes.
/// </summary>
public sealed class ArchiveReplay
{
    /// <summary>How far ahead of replay time the archive is read, in wall seconds of replay.</summary>
    private const double ReadAheadWallSeconds = 2;

    private static readonly MiniSeed2WriteOptions Repacking = new() { RecordLengthBytes = PacketCodecRecordBytes };
    private const int PacketCodecRecordBytes = Protocol.PacketCodec.Version3RecordBytes;

    private readonly SdsSource _archive;
    private readonly TimeProvider _clock;
    private readonly PriorityQueue<MiniSeedRecord, long> _pending = new();
    private readonly Dictionary<SourceId, NanoTime> _readUntil = [];
    private readonly Dictionary<string, ulong> _sequences = new(StringComparer.Ordinal);
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly List<MiniSeedRecord> _heldBack = [];
    private readonly Lock _gate = new();
    private readonly long _startedWallTicks;
    private NanoTime _readTo;

    public ArchiveReplay(ReplayOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _clock = clock ?? TimeProvider.System;
        if (!(options.Speed > 0) || double.IsInfinity(options.Speed))
            throw new ReplayException($"the replay speed must be a positive number, got {options.Speed.ToString(CultureInfo.InvariantCulture)}");
        if (!Directory.Exists(options.ArchivePath))
            throw new ReplayException($"the SDS archive folder {options.ArchivePath} does not exist");
        _archive = new SdsSource(options.ArchivePath);
        Channels = ScanChannels(options.ArchivePath);
        if (Channels.Count == 0)
            throw new ReplayException($"the SDS archive {options.ArchivePath} holds no day files (expected YEAR/NET/STA/CHAN.D/NET.STA.LOC.CHAN.D.YEAR.DOY)");

        DataStartUtc = FirstSampleUtc(Channels);
        DataEndUtc = Channels.Max(c => c.LastDayUtc).AddDays(1);
        StartUtc = options.StartUtc ?? DataStartUtc;
        EndUtc = options.EndUtc ?? DataEndUtc;
        if (StartUtc >= DataEndUtc)
            throw new ReplayException($"the replay start {StartUtc:O} is after the archive's last day ({DataEndUtc.AddDays(-1):yyyy-MM-dd})");
        if (EndUtc <= StartUtc)
            throw new ReplayException($"the replay end {EndUtc:O} is not after its start {StartUtc:O}");
        _readTo = NanoTime.FromDateTime(StartUtc);
        _startedWallTicks = _clock.GetTimestamp();
    }

    public ReplayOptions Options { get; }

    public IReadOnlyList<ArchiveChannel> Channels { get; }

    public IReadOnlyList<string> StationIds => Channels.Select(c => c.StationId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The archive's first sample.</summary>
    public DateTime DataStartUtc { get; }

    /// <summary>The end of the archive's last day.</summary>
    public DateTime DataEndUtc { get; }

    public DateTime StartUtc { get; }

    public DateTime EndUtc { get; }

    public PacketRing Ring { get; } = new();

    /// <summary>Replay time now.</summary>
    public DateTime NowUtc
    {
        get
        {
            var wall = _clock.GetElapsedTime(_startedWallTicks);
            var now = StartUtc + TimeSpan.FromTicks((long)(wall.Ticks * Options.Speed));
            return now > EndUtc ? EndUtc : now;
        }
    }

    /// <summary>True once everything up to the end has been released.</summary>
    public bool Finished { get; private set; }

    /// <summary>Holds back a station's packets from now on, as if it had gone dead; <see cref="Restart"/> sends them, late.</summary>
    public void Stop(string stationId)
    {
        lock (_gate)
            _held.Add(stationId);
    }

    public void Restart(string stationId)
    {
        lock (_gate)
            _held.Remove(stationId);
    }

    /// <summary>Reads ahead and releases what replay time has passed. Called by the server's clock loop.</summary>
    public void Advance()
    {
        var now = NanoTime.FromDateTime(NowUtc);
        var readAhead = now.AddSeconds(ReadAheadWallSeconds * Options.Speed + 60);
        var end = NanoTime.FromDateTime(EndUtc);
        if (readAhead > end)
            readAhead = end;
        if (_readTo < readAhead)
        {
            Read(_readTo, readAhead);
            _readTo = readAhead;
        }

        var released = new List<ReplayPacket>();
        lock (_gate)
        {
            foreach (var record in _heldBack.Where(r => !_held.Contains(StationOf(r))).ToList())
            {
                _heldBack.Remove(record);
                released.Add(Number(record));
            }
            while (_pending.TryPeek(out var record, out var endNs) && endNs <= now.NanosecondsSinceEpoch)
            {
                _pending.Dequeue();
                if (_held.Contains(StationOf(record)))
                    _heldBack.Add(record);
                else
                    released.Add(Number(record));
            }
            Finished = now >= end && _pending.Count == 0;
        }
        Ring.Append(released);
        Ring.TrimBefore(now.AddSeconds(-(Options.RingRetention ?? TimeSpan.FromHours(1)).TotalSeconds));
    }

    private ReplayPacket Number(MiniSeedRecord record)
    {
        var station = StationOf(record);
        var sequence = _sequences.TryGetValue(station, out var last) ? last + 1 : 1;
        _sequences[station] = sequence;
        return new ReplayPacket(station, sequence, record);
    }

    private static string StationOf(MiniSeedRecord record) => $"{record.SourceId.Network}_{record.SourceId.Station}";

    /// <summary>Reads [from, to) of every channel, repacks the records not read before and queues them by end time.</summary>
    private void Read(NanoTime from, NanoTime to)
    {
        var read = _archive.ReadAsync([new ChannelSelection("*", "*", "*", "*")], from.ToDateTime(), to.ToDateTime()).GetAwaiter().GetResult();
        var records = MiniSeedReader.Read(read.MiniSeed).Records;
        lock (_gate)
        {
            foreach (var channel in records.Where(r => r.SampleCount > 0 && r.SampleRateHz > 0).GroupBy(r => r.SourceId))
            {
                foreach (var record in channel.OrderBy(r => r.StartTime))
                {
                    // Records reaching across a read boundary come back in the next read too.
                    if (_readUntil.TryGetValue(channel.Key, out var until) && record.StartTime < until)
                        continue;
                    if (record.EndTime < NanoTime.FromDateTime(StartUtc))
                        continue;
                    _readUntil[channel.Key] = record.EndTime.AddNanoseconds(1);
                    foreach (var small in Repack(record))
                        _pending.Enqueue(small, small.EndTime.AddSeconds(small.SamplePeriodSeconds).NanosecondsSinceEpoch);
                }
            }
        }
    }

    /// <summary>The record's samples as 512-byte records (a record already that small is kept as it is).</summary>
    internal static IReadOnlyList<MiniSeedRecord> Repack(MiniSeedRecord record)
    {
        if (record.FormatVersion == 2 && record.RecordLengthBytes == PacketCodecRecordBytes)
            return [record];
        var samples = record.DecodeSamples();
        if (!samples.Status.Succeeded)
            return [];
        var segment = samples.Values switch
        {
            int[] ints => TraceSegment.FromInt32(record.SourceId, record.StartTime, record.SampleRateHz, ints, record.PublicationVersion),
            float[] floats => TraceSegment.FromFloat32(record.SourceId, record.StartTime, record.SampleRateHz, floats, record.PublicationVersion),
            double[] doubles => TraceSegment.FromFloat64(record.SourceId, record.StartTime, record.SampleRateHz, doubles, record.PublicationVersion),
            _ => null,
        };
        return segment is null ? [] : MiniSeedReader.Read(MiniSeed2Writer.ToBytes(segment, Repacking)).Records;
    }

    private static List<ArchiveChannel> ScanChannels(string root)
    {
        var days = new Dictionary<SourceId, (DateTime First, DateTime Last)>();
        foreach (var file in Directory.EnumerateFiles(root, "*.D.*", SearchOption.AllDirectories))
        {
            // NET.STA.LOC.CHAN.D.YEAR.DOY
            var parts = Path.GetFileName(file).Split('.');
            if (parts.Length != 7 || parts[4] != "D"
                || !int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || !int.TryParse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfYear)
                || dayOfYear is < 1 or > 366)
                continue;
            var id = SourceId.FromSeed(parts[0], parts[1], parts[2], parts[3]);
            var day = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(dayOfYear - 1);
            days[id] = days.TryGetValue(id, out var known) ? (day < known.First ? day : known.First, day > known.Last ? day : known.Last) : (day, day);
        }
        return days.Select(d => new ArchiveChannel(d.Key, d.Value.First, d.Value.Last)).OrderBy(c => c.Id.Fdsn, StringComparer.Ordinal).ToList();
    }

    /// <summary>The first sample, found an hour at a time from the first day (reading whole days would take long).</summary>
    private DateTime FirstSampleUtc(IReadOnlyList<ArchiveChannel> channels)
    {
        var firstDay = channels.Min(c => c.FirstDayUtc);
        for (var hour = firstDay.AddHours(-1); hour < firstDay.AddDays(2); hour = hour.AddHours(1))
        {
            var read = _archive.ReadAsync([new ChannelSelection("*", "*", "*", "*")], hour, hour.AddHours(1)).GetAwaiter().GetResult();
            var records = MiniSeedReader.Read(read.MiniSeed).Records;
            if (records.Count > 0)
                return records.Min(r => r.StartTime).ToDateTime();
        }
        return firstDay;
    }
}
