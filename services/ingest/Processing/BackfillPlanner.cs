namespace Seismic.Ingest.Processing;

/// <summary>
/// Checks a backfill request and cuts it into segments: continuous data on the fixed <see cref="SegmentGrid"/>
/// (the same grid live monitoring uses, so a backfilled segment and a live one of the same time have the
/// same identity), or, when events are known, one segment around each as the original's live code cut them.
/// </summary>
public sealed class BackfillPlanner(string configuredArrayCode, SegmentGrid grid, TimeSpan maximumInterval, double windowLengthS, double eventBufferS, TimeProvider clock)
{
    public BackfillPlan Plan(string arrayCode, DateTime startUtc, DateTime endUtc, IReadOnlyList<KnownEvent>? knownEvents = null)
    {
        var problems = Check(arrayCode, startUtc, endUtc);
        if (problems.Count > 0)
            return new BackfillPlan([], problems);
        if (knownEvents is null)
            return new BackfillPlan(grid.Covering(configuredArrayCode, startUtc, endUtc), []);

        var segments = new List<PlannedSegment>();
        var skipped = new List<string>();
        foreach (var known in knownEvents)
        {
            if (AroundEvent(known) is { } segment)
                segments.Add(segment);
            else
                skipped.Add($"{known.EventId}: no pick at the array and no origin to predict one, so its segment cannot be placed");
        }
        return new BackfillPlan(segments.OrderBy(s => s.StartUtc).ToList(), []) { Skipped = skipped };
    }

    private List<string> Check(string arrayCode, DateTime startUtc, DateTime endUtc)
    {
        var problems = new List<string>();
        if (!string.Equals(arrayCode, configuredArrayCode, StringComparison.OrdinalIgnoreCase))
            problems.Add($"array '{arrayCode}' is not configured here; this deployment watches '{configuredArrayCode}'");
        if (startUtc.Kind == DateTimeKind.Local || endUtc.Kind == DateTimeKind.Local)
            problems.Add("interval times must be UTC, not local time");
        if (endUtc <= startUtc)
            problems.Add($"the interval ends ({endUtc:O}) before it starts ({startUtc:O})");
        else if (endUtc - startUtc > maximumInterval)
            problems.Add($"the interval is {(endUtc - startUtc).TotalDays:F1} days long, more than source.max_backfill_days ({maximumInterval.TotalDays:G}); split it into shorter requests");
        var now = clock.GetUtcNow().UtcDateTime;
        if (startUtc > now)
            problems.Add($"the interval starts in the future ({startUtc:O}, now {now:O}); use live monitoring for data that has not arrived");
        return problems;
    }

    /// <summary>
    /// The original's event window (SPEC §8): from the first to the last pick at the array, widened equally on
    /// both sides to at least one model window, then event_buffer_s more on each side: usually 300 s.
    /// </summary>
    private PlannedSegment? AroundEvent(KnownEvent known)
    {
        var times = known.ArrayPickTimesUtc.Count > 0
            ? known.ArrayPickTimesUtc
            : new[] { known.PredictedPUtc, known.PredictedSUtc }.OfType<DateTime>().ToList();
        if (times.Count == 0)
            return null;

        var first = times.Min();
        var last = times.Max();
        var shortBy = TimeSpan.FromSeconds(windowLengthS) - (last - first);
        if (shortBy > TimeSpan.Zero)
        {
            first -= shortBy / 2;
            last += shortBy / 2;
        }
        var start = TruncateToMilliseconds(first.AddSeconds(-eventBufferS));
        var end = TruncateToMilliseconds(last.AddSeconds(eventBufferS));
        return new PlannedSegment(SegmentIdentity.For(configuredArrayCode, start, end), start, end, null, null, known.EventId);
    }

    /// <summary>Segment ids carry milliseconds: times finer than that would give two ids for the same segment.</summary>
    private static DateTime TruncateToMilliseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
