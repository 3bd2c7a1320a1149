using System.Globalization;
using System.Text;

namespace Seismic.SeedLink.Client;

/// <summary>A station's place in the stream: the last sequence number done and the start of that record.</summary>
public sealed record StationPosition(ulong Sequence, DateTime? RecordStartUtc);

/// <summary>
/// Per-station sequence numbers on disk, one line per station ("NET_STA SEQUENCE [RECORD-START]"), like
/// slinktool's state file. Written to a temporary file, flushed, and renamed over the old one, so a crash leaves
/// the old or the new state, never a torn one.
/// </summary>
public static class SequenceStateFile
{
    /// <summary>The stations' positions; empty when the file does not exist.</summary>
    /// <exception cref="InvalidDataException">A line that is not a station's position; the message names the file, the line and how to recover.</exception>
    public static Dictionary<string, StationPosition> Read(string path)
    {
        var positions = new Dictionary<string, StationPosition>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return positions;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
                continue;
            var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            DateTime start = default;
            if (fields.Length is < 2 or > 3
                || !fields[0].Contains('_', StringComparison.Ordinal)
                || !ulong.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                || (fields.Length == 3 && !DateTime.TryParse(fields[2], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out start)))
            {
                throw new InvalidDataException($"{path}, line {number}: '{text}' is not 'NET_STA SEQUENCE [TIME]'; fix the line or delete the file (the client then starts from new data)");
            }
            positions[fields[0]] = new StationPosition(sequence, fields.Length == 3 ? start : null);
        }
        return positions;
    }

    public static void Write(string path, IReadOnlyDictionary<string, StationPosition> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var text = new StringBuilder("# SeedLink state: station, last sequence number done, start of that record (UTC)\n");
        foreach (var (station, position) in positions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(station).Append(' ').Append(position.Sequence.ToString(CultureInfo.InvariantCulture));
            if (position.RecordStartUtc is { } start)
                text.Append(' ').Append(start.ToString("O", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.ASCII.GetBytes(text.ToString()));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
