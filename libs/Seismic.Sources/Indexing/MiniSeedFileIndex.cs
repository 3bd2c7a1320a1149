using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;

namespace Seismic.Sources.Indexing;

/// <summary>
/// The records of one miniSEED file by channel and time, found by reading the file in chunks of a few MB,
/// so indexing a whole-day, whole-array file costs the size of a chunk in memory, not the size of the file.
/// A later read then fetches only the bytes of the records it needs.
/// </summary>
public sealed class MiniSeedFileIndex
{
    /// <summary>Far larger than a record (512 and 4096 bytes are usual; miniSEED 2 allows 2^20), small enough to bound memory.</summary>
    private const int ChunkBytes = 8 << 20;

    private MiniSeedFileIndex(string path, long lengthBytes, DateTime lastWriteUtc, IReadOnlyList<RecordLocation> records, IReadOnlyList<string> problems)
    {
        Path = path;
        LengthBytes = lengthBytes;
        LastWriteUtc = lastWriteUtc;
        Records = records;
        Problems = problems;
    }

    public string Path { get; }

    /// <summary>File length when indexed: a file that grew (a live archive) is indexed again.</summary>
    public long LengthBytes { get; }

    public DateTime LastWriteUtc { get; }

    /// <summary>Records in file order.</summary>
    public IReadOnlyList<RecordLocation> Records { get; }

    /// <summary>Bytes that were not a readable record, one sentence each naming the file and the offset.</summary>
    public IReadOnlyList<string> Problems { get; }

    public bool IsCurrent(FileInfo file) => file.Exists && file.Length == LengthBytes && file.LastWriteTimeUtc == LastWriteUtc;

    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static MiniSeedFileIndex Build(string path) => Build(path, ChunkBytes);

    /// <param name="path">The file.</param>
    /// <param name="chunkBytes">Bytes read at a time; tests make it small to put records across chunk boundaries.</param>
    internal static MiniSeedFileIndex Build(string path, int chunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkBytes);
        var info = new FileInfo(path);
        var records = new List<RecordLocation>();
        var problems = new List<string>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[(int)Math.Min(chunkBytes, Math.Max(info.Length, 1))];
        long chunkStart = 0;
        var held = 0;
        while (true)
        {
            var read = stream.Read(buffer, held, buffer.Length - held);
            var filled = held + read;
            var atEnd = read == 0 || stream.Position >= stream.Length;
            if (filled == 0)
                break;

            var result = MiniSeedReader.Read(buffer.AsMemory(0, filled));
            var consumed = 0;
            foreach (var record in result.Records)
            {
                records.Add(new RecordLocation(record.SourceId, record.StartTime, record.EndTime, chunkStart + record.OffsetBytes, record.RecordLengthBytes));
                consumed = (int)Math.Max(consumed, record.OffsetBytes + record.RecordLengthBytes);
            }

            // A record cut by the chunk's end is read again at the start of the next chunk; problems past the last
            // whole record may be that cut, so they wait for it too. In a chunk without a whole record, the last
            // problem after its start is where a header was seen again (perhaps the cut record's): the bytes before
            // it are garbage. A chunk with no record and no header after its start is garbage throughout.
            var keepFrom = atEnd ? filled
                : consumed > 0 ? consumed
                : result.Problems.Select(p => (int)p.OffsetBytes).Where(offset => offset > 0).DefaultIfEmpty(filled).Max();
            foreach (var problem in result.Problems.Where(p => p.OffsetBytes < keepFrom))
                problems.Add($"{System.IO.Path.GetFileName(path)}: byte {chunkStart + problem.OffsetBytes}: {problem.Reason}");
            if (atEnd)
                break;

            held = filled - keepFrom;
            Buffer.BlockCopy(buffer, keepFrom, buffer, 0, held);
            chunkStart += keepFrom;
        }
        return new MiniSeedFileIndex(path, info.Length, info.LastWriteTimeUtc, records, problems);
    }

    /// <summary>The records of the channels <paramref name="wanted"/> accepts that hold samples in [from, to].</summary>
    public IEnumerable<RecordLocation> Overlapping(Func<SourceId, bool> wanted, NanoTime from, NanoTime to) =>
        Records.Where(r => r.Overlaps(from, to) && wanted(r.SourceId));

    /// <summary>Appends the bytes of <paramref name="records"/> (all of this file) to <paramref name="output"/>.</summary>
    public void CopyRecords(IEnumerable<RecordLocation> records, Stream output)
    {
        using var file = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = Array.Empty<byte>();
        foreach (var record in records)
        {
            if (buffer.Length < record.LengthBytes)
                buffer = new byte[record.LengthBytes];
            var span = buffer.AsSpan(0, record.LengthBytes);
            var got = RandomAccess.Read(file, span, record.OffsetBytes);
            output.Write(span[..got]);
        }
    }
}
