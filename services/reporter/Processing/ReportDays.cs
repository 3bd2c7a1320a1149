using System.Globalization;

namespace Seismic.Reporter.Processing;

/// <summary>
/// Everything reported of one UTC day sits in reports_dir/&lt;yyyy-MM-dd&gt;/: events.csv, windows.csv, catalog.xml,
/// overview.png, map.png and events/*.gif. An event belongs to the day of its onset; a window to the day it starts.
/// </summary>
public static class ReportDays
{
    public static string Folder(string reportsDirectory, DateTime utc) =>
        Path.Combine(reportsDirectory, utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
