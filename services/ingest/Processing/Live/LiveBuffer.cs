using Seismic.Sources;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Selection;
using Seismic.Waveforms.Time;

namespace Seismic.Ingest.Processing.Live;

/// <summary>A record held for live segments, with where it came from in the SeedLink stream.</summary>
/// <param name="Record">The parsed record (its <see cref="MiniSeedRecord.RawBytes"/> are what segments carry).</param>
/// <param name="StationId">SeedLink station id, NET_STA.</param>
/// <param name="Sequence">The station's SeedLink sequence number of the packet.</param>
public sealed record HeldRecord(MiniSeedRecord Record, string StationId, ulong Sequence);

/// <summary>
/// The records live ingest has received and still needs, readable like any other waveform source, so a live
/// segment is read by the same <see cref="SegmentReader"/> as a backfilled one and carries the same bytes.
/// Thread-safe: the receiving loop adds while the segment loop reads and prunes.
/// </summary>
public sealed class LiveBuffer(string address) : IWaveformSource
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SourceId, SortedList<long, HeldRecord>> _channels = [];
    private readonly Dictionary<string, ulong> _newestSequence = new(StringComparer.Ordinal);

    public string Address { get; } = address;

    /// <summary>Records held, all channels.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _channels.Values.Sum(c => c.Count);
        }
    }

    /// <summary>Holds a record; false when the same record (channel, start, samples) is already held.</summary>
    public bool Add(MiniSeedRecord record, string stationId, ulong sequence)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (!_channels.TryGetValue(record.SourceId, out var channel))
                _channels[record.SourceId] = channel = [];
            var key = record.StartTime.NanosecondsSinceEpoch;
            if (channel.TryGetValue(key, out var held) && held.Record.SampleCount >= record.SampleCount)
                return false;
            channel[key] = new HeldRecord(record, stationId, sequence);
            if (!_newestSequence.TryGetValue(stationId, out var newest) || sequence > newest)
                _newestSequence[stationId] = sequence;
            return true;
        }
    }

    public Task<WaveformRead> ReadAsync(IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (endUtc <= startUtc)
            return Task.FromResult(WaveformRead.Empty);
        var from = NanoTime.FromDateTime(startUtc);
        var to = NanoTime.FromDateTime(endUtc);
        using var bytes = new MemoryStream();
        lock (_gate)
        {
            foreach (var (id, records) in _channels.OrderBy(c => c.Key.Fdsn, StringComparer.Ordinal))
            {
                if (!channels.Any(selection => selection.Matches(id)))
                    continue;
                foreach (var held in records.Values)
                {
                    if (held.Record.StartTime > to)
                        break;
                    if (held.Record.EndTime >= from)
                        bytes.Write(held.Record.RawBytes.Span);
                }
            }
        }
        return Task.FromResult(bytes.Length == 0 ? WaveformRead.Empty : new WaveformRead(bytes.ToArray(), []));
    }

    /// <summary>Lets go of the records whose last sample is before <paramref name="beforeUtc"/>: no pending segment needs them.</summary>
    public void Prune(DateTime beforeUtc)
    {
        var before = NanoTime.FromDateTime(beforeUtc);
        lock (_gate)
        {
            foreach (var records in _channels.Values)
            {
                while (records.Count > 0 && records.Values[0].Record.EndTime < before)
                    records.RemoveAt(0);
            }
        }
    }

    /// <summary>
    /// Per station, the SeedLink sequence number up to which no held record remains: a restart that resumes
    /// after it receives again every record still held, and nothing that already left in every segment needing it.
    /// </summary>
    public IReadOnlyDictionary<string, ulong> DoneThrough()
    {
        lock (_gate)
        {
            var done = new Dictionary<string, ulong>(_newestSequence, StringComparer.Ordinal);
            foreach (var held in _channels.Values.SelectMany(c => c.Values))
            {
                var before = held.Sequence == 0 ? 0 : held.Sequence - 1;
                if (before < done[held.StationId])
                    done[held.StationId] = before;
            }
            return done;
        }
    }

    public void Dispose()
    {
    }
}
