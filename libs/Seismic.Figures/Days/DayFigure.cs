namespace Seismic.Figures.Days;

/// <summary>One reported event of the day.</summary>
/// <param name="EventId">The event's id, as in events.csv.</param>
/// <param name="OnsetUtc">Its P onset at the array (else the start of its first window), UTC.</param>
/// <param name="Label">The event's label: noise, earthquake or explosion.</param>
/// <param name="DetectorProbability">Mean detector probability of its voting windows, 0-1.</param>
/// <param name="ExplosionProbability">Mean explosion probability of its voting windows, 0-1.</param>
/// <param name="BackAzimuthDeg">Direction from the array towards the source, degrees clockwise from north.</param>
/// <param name="DistanceKm">Distance of the source from the array when an origin is known, else null.</param>
public sealed record DayEvent(
    string EventId, DateTime OnsetUtc, string Label, double DetectorProbability, double ExplosionProbability, double BackAzimuthDeg, double? DistanceKm);

/// <summary>The detector's output for one window of the day.</summary>
/// <param name="StartUtc">Start of the window, UTC.</param>
/// <param name="DetectorProbability">Probability that the window holds an event, 0-1.</param>
public sealed record DayWindow(DateTime StartUtc, double DetectorProbability);

/// <summary>What the overview and the map of one day show: the day's events and windows, from one model.</summary>
public sealed record DayFigure
{
    /// <summary>The day, UTC (its midnight).</summary>
    public required DateTime DayUtc { get; init; }

    public required string ArrayCode { get; init; }

    public required double ArrayLatitudeDeg { get; init; }

    public required double ArrayLongitudeDeg { get; init; }

    /// <summary>Model name and version, e.g. "compact v3".</summary>
    public required string ModelId { get; init; }

    public required IReadOnlyList<DayEvent> Events { get; init; }

    public required IReadOnlyList<DayWindow> Windows { get; init; }

    public required double WindowLengthS { get; init; }

    public required double DetectorThreshold { get; init; }

    /// <summary>"46 detections (32 explosions, 13 earthquakes, 1 noise)": the day in words, for the titles.</summary>
    public string Summary()
    {
        if (Events.Count == 0)
            return "no detections";
        var counts = Events.GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var parts = new[] { ("explosion", "explosions"), ("earthquake", "earthquakes"), ("noise", "noise") }
            .Where(label => counts.ContainsKey(label.Item1))
            .Select(label => $"{counts[label.Item1]} {(counts[label.Item1] == 1 ? label.Item1 : label.Item2)}");
        return $"{Events.Count} detection{(Events.Count == 1 ? "" : "s")} ({string.Join(", ", parts)})";
    }
}

/// <summary>The colour of each label, the same in the overview and on the map.</summary>
internal static class LabelColors
{
    public static readonly string[] Labels = ["earthquake", "explosion", "noise"];

    public static ScottPlot.Color Of(string label) => label switch
    {
        "earthquake" => ScottPlot.Colors.RoyalBlue,
        "explosion" => ScottPlot.Colors.OrangeRed,
        _ => ScottPlot.Colors.Gray,
    };
}
