using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Seismic.Configuration;
using Seismic.Figures.Days;
using Seismic.Figures.Maps;

namespace Seismic.Reporter.Processing;

/// <summary>
/// The overview (overview.png) and the map (map.png) of each day, drawn from the day's own events.csv and
/// windows.csv, so they show what the files hold whatever message brought it. Consumers mark a day changed;
/// <see cref="DrawChanged"/> draws the marked days (the reporter calls it every reports.day_pictures_interval_s
/// and once more when it stops). When a day holds rows of several models, the pictures show the model of the
/// day's last event row and say so.
/// </summary>
public sealed class DayPictures(string reportsDirectory, SeismicSettings settings)
{
    private static readonly CsvConfiguration Format = new(CultureInfo.InvariantCulture);
    private readonly HashSet<DateTime> _changed = [];
    private readonly Lock _gate = new();
    private readonly Lock _drawing = new();

    public bool Enabled => settings.Reports.DayPictures;

    public static string OverviewPath(string dayFolder) => Path.Combine(dayFolder, "overview.png");

    public static string MapPath(string dayFolder) => Path.Combine(dayFolder, "map.png");

    /// <summary>Marks a day (any time in it, UTC) to be drawn again.</summary>
    public void Changed(DateTime utc)
    {
        if (!Enabled)
            return;
        lock (_gate)
            _changed.Add(utc.Date);
    }

    /// <summary>Draws every day marked since the last call; returns each day with its folder, or the reason it could not be drawn.</summary>
    public IReadOnlyList<DayDrawn> DrawChanged()
    {
        DateTime[] days;
        lock (_gate)
        {
            days = [.. _changed.Order()];
            _changed.Clear();
        }
        return Draw(days);
    }

    /// <summary>Draws the given days (UTC) now, whether marked or not; a day without rows is skipped.</summary>
    public IReadOnlyList<DayDrawn> Draw(IEnumerable<DateTime> days)
    {
        // One drawing at a time: the timer and a command that wants its pictures now may ask for the same day.
        lock (_drawing)
            return [.. days.Select(day => day.Date).Distinct().Select(DrawDay).OfType<DayDrawn>()];
    }

    private DayDrawn? DrawDay(DateTime day)
    {
        var folder = ReportDays.Folder(reportsDirectory, day);
        try
        {
            var figure = Read(folder, day);
            if (figure is null)
                return null;
            DayOverview.WritePng(figure, OverviewPath(folder));
            DayMap.WritePng(figure, MapPath(folder));
            return new DayDrawn(day, folder, figure.Events.Count, null);
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException or CsvHelperException or FormatException or ArgumentException or KeyNotFoundException)
        {
            // A day whose files cannot be read or drawn: named, and the next change tries again.
            return new DayDrawn(day, folder, 0, failed.Message);
        }
    }

    /// <summary>The day's events and windows of one model, as the pictures draw them; null when the day has no rows yet.</summary>
    public DayFigure? Read(string dayFolder, DateTime dayUtc)
    {
        var eventsCsv = Path.Combine(dayFolder, "events.csv");
        var windowsCsv = Path.Combine(dayFolder, "windows.csv");
        var events = File.Exists(eventsCsv) ? ReadRows(eventsCsv) : [];
        var windows = File.Exists(windowsCsv) ? ReadRows(windowsCsv) : [];
        if (events.Count == 0 && windows.Count == 0)
            return null;
        var last = events.Count > 0 ? events[^1] : windows[^1];
        var (model, version) = (last["model"], last["model_version"]);
        bool OfModel(IReadOnlyDictionary<string, string> row) => row["model"] == model && row["model_version"] == version;

        return new DayFigure
        {
            DayUtc = dayUtc.Date,
            ArrayCode = settings.Array.Code,
            ArrayLatitudeDeg = settings.Array.ReferenceLatitudeDeg,
            ArrayLongitudeDeg = settings.Array.ReferenceLongitudeDeg,
            ModelId = $"{model} v{version}" + (events.Concat(windows).All(OfModel) ? "" : " (other models' rows not shown)"),
            Events = [.. events.Where(OfModel).Select(row => new DayEvent(
                row["event_id"],
                Utc(row["estimated_arrival_time_arces"] is { Length: > 0 } onset ? onset : row["start_utc"]),
                row["predicted"],
                Number(row["probability_detector"]),
                Number(row["probability_classifier"]),
                Number(row["baz_to_arces"]),
                row["distance"] is { Length: > 0 } km ? Number(km) : null))],
            Windows = [.. windows.Where(OfModel).Select(row => new DayWindow(Utc(row["window_start_utc"]), Number(row["probability_detector"]))).OrderBy(w => w.StartUtc)],
            WindowLengthS = settings.Window.LengthS,
            DetectorThreshold = settings.Model.DetectorThreshold,
        };
    }

    private static List<Dictionary<string, string>> ReadRows(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, Format);
        var rows = new List<Dictionary<string, string>>();
        if (!csv.Read() || !csv.ReadHeader())
            return rows;
        var header = csv.HeaderRecord!;
        while (csv.Read())
            rows.Add(header.Select((name, i) => (name, value: csv.GetField(i) ?? "")).ToDictionary(c => c.name, c => c.value, StringComparer.Ordinal));
        return rows;
    }

    private static DateTime Utc(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>A day whose pictures were drawn (<see cref="Problem"/> null) or could not be.</summary>
public sealed record DayDrawn(DateTime DayUtc, string Folder, int Events, string? Problem);
