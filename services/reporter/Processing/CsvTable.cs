using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Seismic.Reporter.Processing;

/// <summary>
/// A CSV file that rows are appended to, at most once per key: a redelivered message or a repeated
/// backfill adds nothing. Keys already in the file are read once, when the table is first used.
/// Each append is one write of whole lines; a process killed in the middle of one can leave a torn last
/// line, which the next writer cuts off (and the redelivered message writes again) before it appends.
/// Not safe across processes: one reporter instance owns a reports folder.
/// </summary>
public sealed class CsvTable<TRow>(string path, Func<TRow, string> keyOf, string keyColumn, Action<string, long>? tornLineCut = null)
{
    private static readonly CsvConfiguration Format = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    private readonly Lock _gate = new();
    private HashSet<string>? _keys;

    public string Path { get; } = path;

    // tornLineCut: told the file and the bytes cut when a torn last line is found, so the host can log it.

    /// <summary>Appends the rows whose key is not in the file yet; returns how many were written.</summary>
    public int Append(IEnumerable<TRow> rows)
    {
        lock (_gate)
        {
            if (_keys is null)
            {
                CutTornLine();
                _keys = ReadKeys();
            }
            // Keys count as written only once the bytes are: a write that fails (a full disk, a lost mount) must leave
            // the rows new for the message's retry or replay, or they would never be written.
            var fresh = rows.Where(row => !_keys.Contains(keyOf(row))).DistinctBy(keyOf).ToList();
            if (fresh.Count == 0)
                return 0;

            var isNew = !File.Exists(Path) || new FileInfo(Path).Length == 0;
            // CsvHelper writes the header before the first record when asked to: only for a new file.
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var csv = new CsvWriter(text, Format with { HasHeaderRecord = isNew }))
                csv.WriteRecords(fresh);
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(bytes);
            _keys.UnionWith(fresh.Select(keyOf));
            return fresh.Count;
        }
    }

    /// <summary>Cuts a last line without its newline: what a writer killed mid-append leaves.</summary>
    private void CutTornLine()
    {
        if (!File.Exists(Path))
            return;
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var end = stream.Length;
        if (end == 0)
            return;
        var last = new byte[1];
        stream.Position = end - 1;
        if (stream.Read(last) == 1 && last[0] == (byte)'\n')
            return;

        // Back to the byte after the last newline; lines are short, so read backwards in small blocks.
        var block = new byte[4096];
        var keep = 0L;
        for (var blockEnd = end; blockEnd > 0 && keep == 0;)
        {
            var blockStart = Math.Max(0, blockEnd - block.Length);
            stream.Position = blockStart;
            stream.ReadExactly(block, 0, (int)(blockEnd - blockStart));
            var newline = Array.LastIndexOf(block, (byte)'\n', (int)(blockEnd - blockStart) - 1);
            if (newline >= 0)
                keep = blockStart + newline + 1;
            blockEnd = blockStart;
        }
        tornLineCut?.Invoke(Path, end - keep);
        stream.SetLength(keep);
    }

    private HashSet<string> ReadKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(Path))
            return keys;
        using var reader = new StreamReader(Path);
        using var csv = new CsvReader(reader, Format);
        if (!csv.Read() || !csv.ReadHeader())
            return keys;
        while (csv.Read())
            keys.Add(csv.GetField(keyColumn) ?? "");
        return keys;
    }
}
