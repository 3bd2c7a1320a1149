using System.Globalization;

namespace Seismic.Ingest.Live;

/// <summary>
/// Remembers the end of the newest segment live ingest has published, so that after a restart the segments
/// already sent are not sent again while the SeedLink server resends the records they shared with the next
/// ones. One line, ISO 8601 UTC; written to a temporary file and renamed over the old one, so a crash
/// leaves either the old or the new time, never half of one.
/// </summary>
public sealed class EmittedSegmentsFile(string path)
{
    public string Path { get; } = path;

    /// <summary>The end of the newest segment published, or null when none was (no file yet).</summary>
    /// <exception cref="InvalidDataException">The file holds something else; the message names it and says how to recover.</exception>
    public DateTime? Read()
    {
        if (!File.Exists(Path))
            return null;
        var text = File.ReadAllText(Path).Trim();
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var endUtc))
            return endUtc;
        throw new InvalidDataException($"{Path} should hold the end time of the last segment live ingest published (ISO 8601 UTC), but holds '{(text.Length > 40 ? text[..40] + "..." : text)}'; delete it to start from the live data's present");
    }

    public void Write(DateTime segmentEndUtc)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(segmentEndUtc.ToString("O", CultureInfo.InvariantCulture));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: true);
    }
}
