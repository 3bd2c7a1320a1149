using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Seismic.Datasets.SeisBench;

namespace Seismic.Evaluation.Detection;

/// <summary>A detection score in words and numbers, by visibility class, for a terminal or a file.</summary>
public static class DetectionReport
{
    /// <summary>Truth events closer than this to a reported onset count as found (a report's onset is P to within a few seconds when an arrival was found).</summary>
    public const double DefaultToleranceS = 30;

    /// <summary>
    /// The reported events of an events.csv written by the reporter, or of every events.csv in a reports folder
    /// (the reporter writes one per day, reports_dir/&lt;yyyy-MM-dd&gt;/events.csv).
    /// </summary>
    public static IReadOnlyList<ReportedEvent> ReadEvents(string fileOrFolder)
    {
        if (!Directory.Exists(fileOrFolder))
            return ReadEventsCsv(fileOrFolder);
        var files = Directory.EnumerateFiles(fileOrFolder, "events.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return files.Count > 0
            ? [.. files.SelectMany(ReadEventsCsv)]
            : throw new FileNotFoundException($"No events.csv in {fileOrFolder} or its day folders");
    }

    private static IReadOnlyList<ReportedEvent> ReadEventsCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var events = new List<ReportedEvent>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var onset = csv.GetField("estimated_arrival_time_arces");
            if (string.IsNullOrEmpty(onset))
                continue;
            events.Add(new ReportedEvent(
                csv.GetField("event_id")!,
                DateTime.Parse(onset, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                csv.GetField("predicted")!,
                csv.GetField<double>("baz_to_arces")));
        }
        return events;
    }

    /// <summary>Lines of the summary: recall and precision overall and by visibility, onset errors, the confusion on matched events.</summary>
    public static IReadOnlyList<string> Lines(DetectionScore score, IReadOnlyDictionary<TruthEvent, double?> snr)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(snr);
        string F(double value) => double.IsNaN(value) ? "-" : value.ToString("F2", CultureInfo.InvariantCulture);
        var matched = score.Matches.Select(m => m.Truth).ToHashSet();
        var lines = new List<string>
        {
            $"truth events {score.Truth.Count}, reported {score.Reported.Count}, matched {score.Matches.Count} (onset within {DefaultToleranceS:F0} s of P): recall {F(score.Recall)}, precision {F(score.Precision)}",
        };
        foreach (var visibility in new[] { "clear", "weak", "invisible", "unknown" })
        {
            var inClass = score.Truth.Where(t => PBeamSnr.Visibility(snr.GetValueOrDefault(t)) == visibility).ToList();
            if (inClass.Count == 0)
                continue;
            var found = inClass.Count(matched.Contains);
            var matches = score.Matches.Where(m => inClass.Contains(m.Truth)).ToList();
            var correct = matches.Count(m => (m.Truth.Label == DatasetLabels.Explosion) == (m.Reported.Label == DatasetLabels.Explosion));
            var rule = visibility switch
            {
                "clear" => $"P-beam SNR >= {PBeamSnr.Clear:F1}",
                "weak" => $"{PBeamSnr.Invisible:F1} <= SNR < {PBeamSnr.Clear:F1}",
                "invisible" => $"SNR < {PBeamSnr.Invisible:F1}",
                _ => "SNR not measurable",
            };
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {visibility,-9} ({rule}): {inClass.Count} events, recall {F(found / (double)inClass.Count)}, classified correctly {correct}/{matches.Count}"));
        }
        lines.Add($"onset error |reported - P|: median {F(score.MedianOnsetErrorS)} s, 90th percentile {F(score.OnsetError90S)} s");
        var confusion = score.Confusion;
        lines.Add($"earthquake/explosion on matched events: accuracy {F(score.ClassificationAccuracy)}; true earthquakes called earthquake {confusion[0, 0]}, explosion {confusion[0, 1]}; true explosions called explosion {confusion[1, 1]}, earthquake {confusion[1, 0]}");
        return lines;
    }
}
