using Seismic.Datasets.SeisBench;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Sds;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Datasets.Building;

/// <summary>
/// Reads windows of the array's channels from an SDS archive as miniSEED, the form in which the beamformer
/// worker receives a segment (so the builder hands them to the same ArraySegmentBuilder). Each day file is
/// parsed once for its record index (times and byte ranges); a window then reads only the records it
/// overlaps and cuts them to the window, as the ingest (and the original's get_waveforms) does: whole
/// records would start each channel at its own record boundary, seconds apart, and the beam pipeline's
/// start-time rule (source.start_snap_tolerance_s) would drop them.
/// </summary>
public sealed class ArchiveWindowReader
{
    private const int MaximumCachedDayFiles = 1024;

    private readonly SdsArchive _archive;
    private readonly Dictionary<string, IReadOnlyList<RecordSpan>> _index = new(StringComparer.Ordinal);

    private ArchiveWindowReader(string rootPath) => _archive = new SdsArchive(rootPath);

    public string RootPath => _archive.RootPath;

    /// <summary>
    /// The archive named by <paramref name="source"/>: <c>sds:///path</c>, or a plain folder path, which is
    /// taken as the root of an SDS archive too.
    /// </summary>
    public static ArchiveWindowReader Open(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        string path;
        if (source.StartsWith("sds://", StringComparison.OrdinalIgnoreCase))
        {
            path = source["sds://".Length..];
        }
        else if (source.Contains("://", StringComparison.Ordinal))
        {
            throw new DatasetException($"--source {source}: only sds:///path/to/archive or a folder path can be read by the dataset builder");
        }
        else
        {
            path = source;
        }

        if (path.Length == 0 || !Directory.Exists(path))
        {
            throw new DatasetException($"--source {source}: the archive folder {Path.GetFullPath(path.Length == 0 ? "." : path)} does not exist");
        }
        return new ArchiveWindowReader(Path.GetFullPath(path));
    }

    /// <summary>The samples of <paramref name="channels"/> in [from, to], as miniSEED 2 records (empty when there are none).</summary>
    public byte[] ReadMiniSeed(IEnumerable<SourceId> channels, DateTime fromUtc, DateTime toUtc)
    {
        var from = NanoTime.FromDateTime(fromUtc);
        var to = NanoTime.FromDateTime(toUtc);
        using var output = new MemoryStream();
        foreach (var channel in channels)
        {
            var records = MiniSeedReader.Read(RecordsOverlapping(channel, from, to)).Records;
            foreach (var segment in TraceAssembler.Assemble(records).Cut(from, to.AddNanoseconds(1)).Segments)
            {
                MiniSeed2Writer.Write(output, segment);
            }
        }
        return output.ToArray();
    }

    private byte[] RecordsOverlapping(SourceId channel, NanoTime from, NanoTime to)
    {
        using var output = new MemoryStream();

        // A record starting before midnight lives in the previous day's file.
        for (var day = from.StartOfDay.AddDays(-1); day <= to; day = day.AddDays(1))
        {
            var path = _archive.DayFilePath(channel, day.Year, day.DayOfYear);
            var wanted = IndexOf(path, channel).Where(r => r.EndTime >= from && r.StartTime <= to).ToList();
            if (wanted.Count == 0)
            {
                continue;
            }
            using var file = File.OpenHandle(path);
            foreach (var record in wanted)
            {
                var bytes = new byte[record.LengthBytes];
                RandomAccess.Read(file, bytes, record.OffsetBytes);
                output.Write(bytes);
            }
        }
        return output.ToArray();
    }

    private IReadOnlyList<RecordSpan> IndexOf(string path, SourceId channel)
    {
        // Windows are read from several threads (DatasetBuilder); the index is shared, the reading is not.
        lock (_index)
        {
            if (_index.TryGetValue(path, out var cached))
            {
                return cached;
            }
        }

        IReadOnlyList<RecordSpan> spans = [];
        if (File.Exists(path))
        {
            // Unreadable records are skipped here; ArraySegmentBuilder reports what the window then lacks.
            spans = MiniSeedReader.ReadFile(path).Records
                .Where(r => r.SourceId == channel)
                .Select(r => new RecordSpan(r.StartTime, r.EndTime, r.OffsetBytes, r.RawBytes.Length))
                .ToList();
        }
        lock (_index)
        {
            if (_index.Count >= MaximumCachedDayFiles)
            {
                _index.Clear();
            }
            _index[path] = spans;
        }
        return spans;
    }

    private sealed record RecordSpan(NanoTime StartTime, NanoTime EndTime, long OffsetBytes, int LengthBytes);
}
