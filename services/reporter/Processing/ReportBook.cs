using System.Globalization;
using Seismic.Contracts.Classification;

namespace Seismic.Reporter.Processing;

/// <summary>
/// The reports folder, one folder per UTC day (reports_dir/&lt;yyyy-MM-dd&gt;/): events.csv (one decision per event,
/// on the day of its onset) and windows.csv (every window the model saw, on the day it starts). Keyed by event or
/// window and model version, so a second model's opinion on the same event is kept next to the first, while a
/// redelivery of the same message adds nothing.
/// </summary>
public sealed class ReportBook
{
    // A live reporter runs for months: the tables of the last few days written stay open (their keys in memory);
    // an older day is opened again, its keys read again, when a late message needs it.
    private const int OpenDays = 4;

    private readonly Action<string, long>? _tornLineCut;
    private readonly Lock _gate = new();
    private readonly LinkedList<DayTables> _open = new();

    /// <param name="reportsDirectory">Folder of the day folders.</param>
    /// <param name="tornLineCut">Told the file and the bytes cut when a file's last line was torn by a writer killed mid-append.</param>
    public ReportBook(string reportsDirectory, Action<string, long>? tornLineCut = null)
    {
        ReportsDirectory = reportsDirectory;
        _tornLineCut = tornLineCut;
    }

    public string ReportsDirectory { get; }

    /// <summary>The day an event is reported on: that of its onset, else of its first window.</summary>
    public static DateTime DayOf(EventClassified decision) => (decision.OnsetUtc ?? decision.StartUtc).Date;

    /// <summary>reports_dir/&lt;yyyy-MM-dd&gt;: everything reported of one UTC day.</summary>
    public string DayFolder(DateTime utc) => ReportDays.Folder(ReportsDirectory, utc);

    public string EventsCsvPath(DateTime utc) => Path.Combine(DayFolder(utc), "events.csv");

    public string WindowsCsvPath(DateTime utc) => Path.Combine(DayFolder(utc), "windows.csv");

    /// <summary>Returns true when the event was new to its day's events.csv.</summary>
    public bool Record(EventClassified decision)
    {
        lock (_gate)
            return Day(DayOf(decision)).Events.Append([ToRow(decision)]) == 1;
    }

    /// <summary>Returns how many windows were new to their days' windows.csv (a segment over midnight writes to two days).</summary>
    public int Record(WindowsClassified windows)
    {
        lock (_gate)
        {
            return windows.Windows.GroupBy(window => window.WindowStartUtc.Date)
                .Sum(day => Day(day.Key).Windows.Append(day.Select(window => ToRow(windows, window))));
        }
    }

    private DayTables Day(DateTime day)
    {
        for (var node = _open.First; node is not null; node = node.Next)
        {
            if (node.Value.Day != day)
                continue;
            _open.Remove(node);
            _open.AddFirst(node);
            return node.Value;
        }
        var tables = new DayTables(
            day,
            new CsvTable<EventRow>(EventsCsvPath(day), row => row.Key, "key", _tornLineCut),
            new CsvTable<WindowRow>(WindowsCsvPath(day), row => row.Key, "key", _tornLineCut));
        _open.AddFirst(tables);
        if (_open.Count > OpenDays)
            _open.RemoveLast();
        return tables;
    }

    private sealed record DayTables(DateTime Day, CsvTable<EventRow> Events, CsvTable<WindowRow> Windows);

    private static EventRow ToRow(EventClassified decision) => new()
    {
        EventId = decision.EventId,
        OnsetUtc = decision.OnsetUtc is { } onset ? Iso(onset) : "",
        BackAzimuthDeg = Math.Round(decision.BackAzimuthDeg, 2),
        BackAzimuthMethod = decision.BackAzimuthMethod ?? "",
        Predicted = LabelName(decision.Label),
        True = decision.CatalogEventType?.ToLowerInvariant() ?? "",
        ProbabilityDetector = decision.MeanDetectorProbability,
        ProbabilityClassifier = decision.MeanClassifierProbability,
        DistanceKm = decision.DistanceKm is { } km ? Math.Round(km, 1) : null,
        Magnitude = decision.Magnitude,
        ArrayCode = decision.ArrayCode,
        StartUtc = Iso(decision.StartUtc),
        EndUtc = Iso(decision.EndUtc),
        VotesNoise = Votes(decision, PredictedLabel.Noise),
        VotesEarthquake = Votes(decision, PredictedLabel.Earthquake),
        VotesExplosion = Votes(decision, PredictedLabel.Explosion),
        WindowCount = decision.WindowCount,
        ModelName = decision.Model.Name,
        ModelVersion = decision.Model.Version,
        SegmentId = decision.SegmentId,
        BackfillId = decision.BackfillId?.ToString() ?? "",
        Key = $"{decision.EventId}|{decision.Model.Name}|v{decision.Model.Version}",
    };

    private static WindowRow ToRow(WindowsClassified windows, WindowClassification window) => new()
    {
        SegmentId = windows.SegmentId,
        ArrayCode = windows.ArrayCode,
        WindowStartUtc = Iso(window.WindowStartUtc),
        WindowEndUtc = Iso(window.WindowStartUtc.AddSeconds(windows.WindowLengthSeconds)),
        Predicted = LabelName(window.Label),
        ProbabilityDetector = window.DetectorProbability,
        ProbabilityClassifier = window.ClassifierProbability,
        ModelName = windows.Model.Name,
        ModelVersion = windows.Model.Version,
        // Overlapping grid segments report disjoint owned spans, so a window of continuous data has one row;
        // segments cut around two close known events may both hold a window, once each. A redelivery adds nothing.
        Key = $"{windows.SegmentId}|{Iso(window.WindowStartUtc)}|{windows.Model.Name}|v{windows.Model.Version}",
    };

    /// <summary>Lower-case label names, as the original's CSV wrote them.</summary>
    private static string LabelName(PredictedLabel label) => label.ToString().ToLowerInvariant();

    private static int Votes(EventClassified decision, PredictedLabel label) =>
        decision.Votes.TryGetValue(label.ToString(), out var count) ? count : 0;

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
