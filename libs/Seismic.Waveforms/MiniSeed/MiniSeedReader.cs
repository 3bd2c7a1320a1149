namespace Seismic.Waveforms.MiniSeed;

public sealed record MiniSeedReadOptions
{
    /// <summary>Check each miniSEED 3 record's CRC-32C and skip records that fail.</summary>
    public bool VerifyCrc { get; init; } = true;

    /// <summary>Throw <see cref="MiniSeedFormatException"/> at the first problem instead of reporting it and going on.</summary>
    public bool Strict { get; init; }

    public static MiniSeedReadOptions Default { get; } = new();
}

/// <summary>The records found in an input, and what was wrong with the rest of it.</summary>
public sealed record MiniSeedReadResult(IReadOnlyList<MiniSeedRecord> Records, IReadOnlyList<ReadProblem> Problems);

/// <summary>
/// Reads a stream of miniSEED 2 and/or 3 records from memory. Bad input never throws (unless
/// <see cref="MiniSeedReadOptions.Strict"/>): a bad record is reported with its offset and skipped, and reading
/// goes on at the next record, found by its length when the header gives one or by scanning for the next header.
/// Work is linear in the input and nothing is allocated in proportion to header values.
/// </summary>
public static class MiniSeedReader
{
    public static MiniSeedReadResult ReadFile(string path, MiniSeedReadOptions? options = null)
        => Read(File.ReadAllBytes(path), options);

    public static MiniSeedReadResult Read(ReadOnlyMemory<byte> data, MiniSeedReadOptions? options = null)
    {
        options ??= MiniSeedReadOptions.Default;
        var records = new List<MiniSeedRecord>();
        var problems = new List<ReadProblem>();
        var span = data.Span;
        var sourceIds = new SourceIdCache();
        var offset = 0;
        while (offset < data.Length)
        {
            var rest = span[offset..];
            MiniSeedRecord? record = null;
            string? failure;
            int skip;
            if (MiniSeed3Parser.LooksLikeHeader(rest))
                record = MiniSeed3Parser.TryParse(data, offset, options.VerifyCrc, out failure, out skip);
            else if (MiniSeed2Parser.LooksLikeHeader(rest))
                record = MiniSeed2Parser.TryParse(data, offset, sourceIds, out failure, out skip);
            else
            {
                var next = FindNextHeader(span, offset + 1);
                if (!IsPadding(span[offset..next]))
                    Report(problems, options, new ReadProblem(offset, ProblemSeverity.Error, next == data.Length
                        ? $"{next - offset} trailing bytes are not a miniSEED record"
                        : $"no miniSEED record header; skipped {next - offset} bytes to the next one"));
                offset = next;
                continue;
            }

            if (record is not null)
            {
                records.Add(record);
                offset += record.RecordLengthBytes;
                continue;
            }
            Report(problems, options, new ReadProblem(offset, ProblemSeverity.Error, $"record skipped: {failure}"));
            offset = skip > 0 ? offset + skip : FindNextHeader(span, offset + 1);
        }
        return new MiniSeedReadResult(records, problems);
    }

    private static void Report(List<ReadProblem> problems, MiniSeedReadOptions options, ReadProblem problem)
    {
        if (options.Strict)
            throw new MiniSeedFormatException(problem);
        problems.Add(problem);
    }

    private static int FindNextHeader(ReadOnlySpan<byte> span, int from)
    {
        for (var i = from; i < span.Length; i++)
        {
            var candidate = span[i..];
            if (MiniSeed3Parser.LooksLikeHeader(candidate) || MiniSeed2Parser.LooksLikeHeader(candidate))
                return i;
        }
        return span.Length;
    }

    /// <summary>Zero or space fill between or after records is not a defect (SEED volumes pad to a block size).</summary>
    private static bool IsPadding(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept((byte)0, (byte)' ') < 0;
}
