using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Seismic.Reporter.Processing;

/// <summary>
/// A CSV file that rows are appended to, at most once per key: a redelivered message or a repeated
/// backfill adds nothing. Keys already in the file are read once, when the table is first used.
/// Not safe across processes: one reporter instance owns a reports folder.
/// </summary>
public sealed class CsvTable<TRow>(string path, Func<TRow, string> keyOf, string keyColumn)
{
    private static readonly CsvConfiguration Format = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    private readonly Lock _gate = new();
    private HashSet<string>? _keys;

    public string Path { get; } = path;

    /// <summary>Appends the rows whose key is not in the file yet; returns how many were written.</summary>
    public int Append(IEnumerable<TRow> rows)
    {
        lock (_gate)
        {
            _keys ??= ReadKeys();
            var fresh = rows.Where(row => _keys.Add(keyOf(row))).ToList();
            if (fresh.Count == 0)
                return 0;

            var isNew = !File.Exists(Path) || new FileInfo(Path).Length == 0;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            // CsvHelper writes the header before the first record when asked to: only for a new file.
            using var csv = new CsvWriter(writer, Format with { HasHeaderRecord = isNew });
            csv.WriteRecords(fresh);
            return fresh.Count;
        }
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
