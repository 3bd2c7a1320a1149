using System.Globalization;
using MassTransit;
using Seismic.Hosting;
using Seismic.Cli.Commands;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Reports;
using Seismic.Reporter.Processing;
using Spectre.Console;

namespace Seismic.Cli.Pipeline;

/// <summary>
/// Publishes a backfill and follows it to the end with a progress display: a bar per stage on a terminal, a line
/// now and then when the output is a file or a pipe.
/// </summary>
internal static class BackfillRun
{
    /// <summary>A reporter that drew no picture for this long has stopped drawing: the run ends without the rest.</summary>
    private static readonly TimeSpan PictureStall = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Publishes <paramref name="request"/> and returns its follower once the backfill is refused or fully reported,
    /// and, with <paramref name="waitForPictures"/>, once the events' pictures are drawn too.
    /// </summary>
    public static async Task<BackfillFollower> PublishAndFollow(IBus bus, BackfillInterval request, bool waitForPictures, CancellationToken cancellation)
    {
        var follower = new BackfillFollower(request.BackfillId);
        var interactive = AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            var lastShown = -1;
            follower.Changed += status =>
            {
                if (status.SegmentsTotal is not { } total || total == 0)
                    return;
                var percent = 100 * (status.SegmentsRead + status.SegmentsReported) / (2 * total);
                if (percent / 10 == Interlocked.Exchange(ref lastShown, percent / 10))
                    return;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {status.SegmentsRead}/{total} segments read, {status.SegmentsReported}/{status.SegmentsPublished?.ToString(CultureInfo.InvariantCulture) ?? "?"} reported"));
            };
            await Follow(bus, request, follower, waitForPictures, cancellation);
            return follower;
        }

        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var read = context.AddTask("segments read from the source", maxValue: 1);
                var reported = context.AddTask("segments beamed, classified, reported", maxValue: 1);
                follower.Changed += status =>
                {
                    if (status.SegmentsTotal is not { } total)
                        return;
                    read.MaxValue = Math.Max(1, total);
                    read.Value = status.SegmentsRead;
                    reported.MaxValue = Math.Max(1, status.SegmentsPublished ?? total);
                    reported.Value = status.SegmentsReported;
                };
                await Follow(bus, request, follower, waitForPictures, cancellation);
                read.Value = read.MaxValue;
                reported.Value = reported.MaxValue;
            });
        return follower;
    }

    private static async Task Follow(IBus bus, BackfillInterval request, BackfillFollower follower, bool waitForPictures, CancellationToken cancellation)
    {
        // A queue of this backfill's own that survives a broker restart (answers published meanwhile wait in it),
        // removed by the broker an hour after this process stopped listening.
        var listener = bus.ConnectReceiveEndpoint($"backfill-follower-{request.BackfillId:N}", endpoint =>
        {
            BusSetup.SurviveBrokerRestart(endpoint, TimeSpan.FromHours(1));
            follower.Listen(endpoint);
        });
        try
        {
            await listener.Ready.WaitAsync(cancellation);
            await bus.Publish(request, cancellation);
            await follower.Done.WaitAsync(cancellation);
            if (waitForPictures && follower.Refusal is null)
                await follower.WaitForPictures(PictureStall, cancellation);
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>What a person wants to know at the end: segments, detections by label, problems, where the files are.</summary>
    public static void PrintSummary(BackfillInterval request, BackfillFollower follower, TimeSpan elapsed, StageTimer? timer)
    {
        // The rows' time: pictures, drawn after, are timed on their own line.
        var withPictures = elapsed;
        elapsed = follower.ReportedAfter is { } reported && reported < elapsed ? reported : elapsed;
        var completed = follower.Completed!;
        var span = request.EndUtc - request.StartUtc;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Backfill {request.BackfillId}: {request.ArrayCode} {request.StartUtc:yyyy-MM-ddTHH:mm:ssZ} to {request.EndUtc:yyyy-MM-ddTHH:mm:ssZ} ({span.TotalHours:F1} h) in {elapsed.TotalSeconds:F1} s, {span / elapsed:F0} x real time"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  segments: {completed.SegmentsTotal} planned, {completed.SegmentsSucceeded} read and handed on, {completed.SegmentsEmpty} without data, {completed.SegmentsFailed} unreadable, {follower.FailedSegments.Count} failed downstream"));
        var events = follower.Events;
        var byLabel = events.GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  events: {events.Count} ({byLabel.GetValueOrDefault(PredictedLabel.Earthquake)} earthquakes, {byLabel.GetValueOrDefault(PredictedLabel.Explosion)} explosions{(byLabel.ContainsKey(PredictedLabel.Noise) ? $", {byLabel[PredictedLabel.Noise]} called noise by their windows" : "")})"));
        if (timer is not null)
        {
            Console.WriteLine("  time per stage (summed over its messages; stages overlap): " + string.Join(", ",
                timer.Totals().Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Seconds:F1} s ({t.Messages} msgs)"))));
        }
        foreach (var problem in completed.Problems)
            Console.WriteLine($"  problem: {problem}");
        foreach (var (segment, reason) in follower.FailedSegments.Take(10))
            Console.WriteLine($"  failed: {segment}: {reason}");
        if (follower.FailedSegments.Count > 10)
            Console.WriteLine($"  ... and {follower.FailedSegments.Count - 10} more failed segments");
        if (follower.ReportsDirectory is { } reports)
            Console.WriteLine($"  reports: {Path.Combine(reports, "<day>")}/ (events.csv, windows.csv, catalog.xml, overview.png, map.png, events/*.gif) for {Days(request, events)}");
        var pictures = follower.Pictures.Values.ToList();
        if (pictures.Count > 0)
        {
            var drawn = pictures.Where(p => p.Path is not null).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  pictures: {drawn.Count} of {events.Count} events drawn (in each day's events/ folder), the last {(withPictures - elapsed).TotalSeconds:F1} s after the last row{(pictures.Count > drawn.Count ? $", {pictures.Count - drawn.Count} could not be drawn" : "")}"));
            foreach (var failed in pictures.Where(p => p.Problem is not null).Take(5))
                Console.WriteLine($"    no picture of {failed.EventId}: {failed.Problem}");
        }
    }

    /// <summary>"2024-03-13" or "2024-03-13 to 2024-03-15": the report folders the backfill wrote to.</summary>
    private static string Days(BackfillInterval request, IEnumerable<EventClassified> events)
    {
        var days = ReportedDays(request, events);
        return days.Count == 1 ? $"{days[0]:yyyy-MM-dd}" : $"{days[0]:yyyy-MM-dd} to {days[^1]:yyyy-MM-dd}";
    }

    /// <summary>
    /// The UTC days a backfill's rows went to: those the interval touches (a window goes to the day it starts), and
    /// the day after where an event whose windows began before the end has its onset after midnight (an event goes
    /// to the day of its onset).
    /// </summary>
    public static IReadOnlyList<DateTime> ReportedDays(BackfillInterval request, IEnumerable<EventClassified> events)
    {
        var days = new SortedSet<DateTime>();
        for (var day = request.StartUtc.Date; day < request.EndUtc; day = day.AddDays(1))
            days.Add(day);
        foreach (var decision in events)
            days.Add(ReportBook.DayOf(decision));
        return [.. days];
    }

    /// <summary>Parses an ISO 8601 UTC time given on the command line; false (with the reason printed) when it is not one.</summary>
    public static bool TryParseUtc(string text, string option, out DateTime utc)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc))
            return true;
        Console.Error.WriteLine($"{option}: '{text}' is not a date and time; use ISO 8601, e.g. 2023-10-30T12:00:00Z.");
        return false;
    }
}
