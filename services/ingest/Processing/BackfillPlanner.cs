namespace Seismic.Ingest.Processing;

/// <summary>
/// Cuts a backfill interval into segments on a fixed grid (multiples of the segment length since the Unix
/// epoch), the same grid live monitoring uses, so a backfilled segment and a live one of the same
/// time have the same identity.
/// </summary>
public sealed class BackfillPlanner(string configuredArrayCode, TimeSpan segmentLength, TimeProvider clock)
{
    /// <summary>Upper bound on one request, so a typo in a year cannot queue millions of segments.</summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromDays(366);

    public BackfillPlan Plan(string arrayCode, DateTime startUtc, DateTime endUtc)
    {
        var problems = new List<string>();
        if (!string.Equals(arrayCode, configuredArrayCode, StringComparison.OrdinalIgnoreCase))
            problems.Add($"array '{arrayCode}' is not configured here; this deployment watches '{configuredArrayCode}'");
        if (startUtc.Kind == DateTimeKind.Local || endUtc.Kind == DateTimeKind.Local)
            problems.Add("interval times must be UTC, not local time");
        if (endUtc <= startUtc)
            problems.Add($"the interval ends ({endUtc:O}) before it starts ({startUtc:O})");
        else if (endUtc - startUtc > MaximumInterval)
            problems.Add($"the interval is {(endUtc - startUtc).TotalDays:F0} days long; split it into requests of at most {MaximumInterval.TotalDays:F0} days");
        var now = clock.GetUtcNow().UtcDateTime;
        if (startUtc > now)
            problems.Add($"the interval starts in the future ({startUtc:O}, now {now:O}); use live monitoring for data that has not arrived");
        if (problems.Count > 0)
            return new BackfillPlan([], problems);

        var segments = new List<PlannedSegment>();
        var gridTicks = segmentLength.Ticks;
        var firstStartTicks = (startUtc.Ticks - DateTime.UnixEpoch.Ticks) / gridTicks * gridTicks + DateTime.UnixEpoch.Ticks;
        for (var ticks = firstStartTicks; ticks < endUtc.Ticks; ticks += gridTicks)
        {
            var segmentStart = new DateTime(ticks, DateTimeKind.Utc);
            var segmentEnd = segmentStart + segmentLength;
            segments.Add(new PlannedSegment(SegmentIdentity.For(configuredArrayCode, segmentStart, segmentEnd), segmentStart, segmentEnd));
        }
        return new BackfillPlan(segments, []);
    }
}
