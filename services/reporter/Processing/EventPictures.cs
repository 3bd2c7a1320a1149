using System.Globalization;

namespace Seismic.Reporter.Processing;

/// <summary>
/// Where the pictures of events go: reports_dir/&lt;day of the event, UTC&gt;/events/&lt;event&gt;_&lt;label&gt;_&lt;model&gt;-v&lt;version&gt;.gif,
/// so a day's events sit together and a second model's picture of the same event does not replace the first.
/// </summary>
public sealed class EventPictures(string reportsDirectory)
{
    public string PathFor(string eventId, DateTime eventUtc, string label, string modelName, int modelVersion) =>
        Path.Combine(
            ReportDays.Folder(reportsDirectory, eventUtc),
            "events",
            $"{Safe(eventId)}_{label}_{Safe(modelName)}-v{modelVersion.ToString(CultureInfo.InvariantCulture)}.gif");

    // Catalog ids are URIs ("smi:local/event/1"): keep them readable but make them one file name.
    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat([':', '\\', '?', '*']).ToHashSet();
        return string.Concat(name.Select(c => invalid.Contains(c) ? '_' : c));
    }
}
