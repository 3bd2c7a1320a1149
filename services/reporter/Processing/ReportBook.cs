using System.Globalization;
using Seismic.Contracts.Classification;

namespace Seismic.Reporter.Processing;

/// <summary>
/// The reports folder: events.csv (one decision per event) and windows.csv (every window the model saw).
/// Keyed by event or window and model version, so a second model's opinion on the same event is kept
/// next to the first, while a redelivery of the same message adds nothing.
/// </summary>
public sealed class ReportBook
{
    private readonly CsvTable<EventRow> _events;
    private readonly CsvTable<WindowRow> _windows;

    /// <param name="reportsDirectory">Folder of events.csv and windows.csv.</param>
    /// <param name="tornLineCut">Told the file and the bytes cut when a file's last line was torn by a writer killed mid-append.</param>
    public ReportBook(string reportsDirectory, Action<string, long>? tornLineCut = null)
    {
        ReportsDirectory = reportsDirectory;
        _events = new CsvTable<EventRow>(Path.Combine(reportsDirectory, "events.csv"), row => row.Key, "key", tornLineCut);
        _windows = new CsvTable<WindowRow>(Path.Combine(reportsDirectory, "windows.csv"), row => row.Key, "key", tornLineCut);
    }

    public string ReportsDirectory { get; }

    public string EventsCsvPath => _events.Path;

    public string WindowsCsvPath => _windows.Path;

    /// <summary>Returns true when the event was new to events.csv.</summary>
    public bool Record(EventClassified decision) => _events.Append([ToRow(decision)]) == 1;

    /// <summary>Returns how many windows were new to windows.csv.</summary>
    public int Record(WindowsClassified windows) =>
        _windows.Append(windows.Windows.Select(window => ToRow(windows, window)));

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
