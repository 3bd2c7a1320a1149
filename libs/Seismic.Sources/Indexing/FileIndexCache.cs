using Seismic.Waveforms.Selection;
using Seismic.Waveforms.Time;

namespace Seismic.Sources.Indexing;

/// <summary>
/// Indexes of the files a source has read, kept while the files do not change, so consecutive segments of a
/// backfill parse each day file's headers once. Bounded: the oldest half is dropped when it is full.
/// </summary>
internal sealed class FileIndexCache(int capacity)
{
    private readonly Dictionary<string, (MiniSeedFileIndex Index, long Used)> _entries = new(StringComparer.Ordinal);
    private long _clock;

    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public MiniSeedFileIndex Get(string path)
    {
        var info = new FileInfo(path);
        lock (_entries)
        {
            if (_entries.TryGetValue(path, out var cached) && cached.Index.IsCurrent(info))
            {
                _entries[path] = (cached.Index, ++_clock);
                return cached.Index;
            }
        }

        // Indexed outside the lock: two threads may index one file at once, which wastes work but is correct.
        var index = MiniSeedFileIndex.Build(path);
        lock (_entries)
        {
            if (_entries.Count >= capacity)
            {
                foreach (var old in _entries.OrderBy(e => e.Value.Used).Take(capacity / 2).Select(e => e.Key).ToList())
                    _entries.Remove(old);
            }
            _entries[path] = (index, ++_clock);
        }
        return index;
    }

    /// <summary>
    /// Appends the records of <paramref name="path"/> that belong to the selected channels and hold samples in
    /// [from, to]; a file that cannot be read, and the bad bytes of one that can, become problems.
    /// </summary>
    public void CopyOverlapping(string path, IReadOnlyList<ChannelSelection> channels, NanoTime from, NanoTime to, Stream output, List<string> problems)
    {
        MiniSeedFileIndex index;
        try
        {
            index = Get(path);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{path}: cannot be read ({unreadable.Message})");
            return;
        }
        problems.AddRange(index.Problems);
        var wanted = index.Overlapping(id => channels.Any(c => c.Matches(id)), from, to).ToList();
        if (wanted.Count > 0)
            index.CopyRecords(wanted, output);
    }

    /// <summary>
    /// The records of the selected channels in [startUtc, endUtc] from <paramref name="paths"/> (enumerated lazily,
    /// so a source can list its files as it goes); an interval that ends where it starts reads nothing.
    /// </summary>
    public WaveformRead Read(IEnumerable<string> paths, IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (endUtc <= startUtc)
            return WaveformRead.Empty;
        var from = NanoTime.FromDateTime(startUtc);
        var to = NanoTime.FromDateTime(endUtc);
        var problems = new List<string>();
        using var output = new MemoryStream();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CopyOverlapping(path, channels, from, to, output, problems);
        }
        return new WaveformRead(output.ToArray(), problems.Distinct().ToList());
    }
}
