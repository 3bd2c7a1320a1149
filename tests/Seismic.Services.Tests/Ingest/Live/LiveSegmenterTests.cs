using Seismic.Ingest.Processing;
using Seismic.Ingest.Processing.Live;

namespace Seismic.Services.Tests.Ingest.Live;

public sealed class LiveSegmenterTests
{
    // The shipped grid: 20-minute segments every 12 minutes, a 65 s look-back, 10 s window edges.
    private static readonly SegmentGrid Grid = new(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(8), TimeSpan.FromSeconds(65));
    private static readonly TimeSpan Edge = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly DateTime T0 = new(2024, 3, 13, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Channels = ["NO.ARA0..BHZ", "NO.ARB1..BHZ", "NO.ARC2..BHZ"];

    private static LiveSegmenter Segmenter(DateTime? resumeAfter = null) =>
        new(Grid, "ARCES", Deadline, Edge, _ => Channels, resumeAfter);

    /// <summary>Feeds every channel 10 s records from <paramref name="from"/> to <paramref name="to"/>, as a real-time server would (wall = data time + 1 s), taking what is due after each.</summary>
    private static List<DueSegment> Stream(LiveSegmenter segmenter, DateTime from, DateTime to, IEnumerable<string>? channels = null)
    {
        var due = new List<DueSegment>();
        for (var start = from; start < to; start = start.AddSeconds(10))
        {
            foreach (var channel in channels ?? Channels)
                segmenter.Observe(channel, start, start.AddSeconds(10), start.AddSeconds(11));
            due.AddRange(segmenter.TakeDue(start.AddSeconds(11)));
        }
        return due;
    }

    [Fact]
    public void Should_cut_the_same_segments_as_a_backfill_of_the_same_hours()
    {
        var due = Stream(Segmenter(), T0, T0.AddHours(3));

        var backfill = Grid.Covering("ARCES", T0, T0.AddHours(3)).ToDictionary(s => s.SegmentId);
        Assert.NotEmpty(due);
        Assert.All(due, d =>
        {
            var planned = backfill[d.Segment.SegmentId];
            Assert.Equal(planned.StartUtc, d.Segment.StartUtc);
            Assert.Equal(planned.EndUtc, d.Segment.EndUtc);
            Assert.Equal(planned.OwnedFromUtc, d.Segment.OwnedFromUtc);
            Assert.Equal(planned.OwnedUntilUtc, d.Segment.OwnedUntilUtc);
        });
        // Consecutive, and none before the stream's first record (plus the edge).
        Assert.Equal(due.Select(d => d.Segment.StartUtc), due.Select((_, i) => due[0].Segment.StartUtc.AddMinutes(12 * i)));
        Assert.True(due[0].Segment.StartUtc - Edge >= T0);
    }

    [Fact]
    public void Should_let_a_segment_leave_as_soon_as_every_channel_covers_its_end()
    {
        var due = Stream(Segmenter(), T0, T0.AddHours(1));

        Assert.All(due, d =>
        {
            Assert.Equal(SegmentDeparture.Complete, d.Departure);
            // The record that covered end + edge arrived one second after its end: that is when it was complete.
            Assert.InRange((d.DataCompleteUtc - (d.Segment.EndUtc + Edge)).TotalSeconds, 0, 11);
        });
    }

    [Fact]
    public void Should_not_let_a_silent_station_hold_the_others_beyond_the_deadline()
    {
        var segmenter = Segmenter();
        Stream(segmenter, T0, T0.AddMinutes(30));

        // ARC2 goes silent; the others stream on.
        var due = Stream(segmenter, T0.AddMinutes(30), T0.AddHours(2), Channels.Take(2));

        var late = due.Where(d => d.Segment.EndUtc > T0.AddMinutes(30)).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, d =>
        {
            Assert.Equal(SegmentDeparture.Deadline, d.Departure);
            // It left once the stream's clock passed its end, the edge and the deadline: not before, and within a record.
            Assert.InRange((d.DataCompleteUtc - (d.Segment.EndUtc + Edge + Deadline)).TotalSeconds, 0, 11);
        });
    }

    [Fact]
    public void Should_run_deadlines_on_the_streams_clock_when_nothing_arrives()
    {
        var segmenter = Segmenter();
        Stream(segmenter, T0, T0.AddMinutes(33));
        var next = segmenter.NextSegment!;
        var lastWall = T0.AddMinutes(33).AddSeconds(1);

        Assert.Empty(segmenter.TakeDue(lastWall));
        var deadlineWall = segmenter.NextDeadlineUtc!.Value;
        Assert.Equal(lastWall + (next.EndUtc + Edge + Deadline - T0.AddMinutes(33)), deadlineWall);
        Assert.Empty(segmenter.TakeDue(deadlineWall.AddSeconds(-1)));
        Assert.Equal(next.SegmentId, Assert.Single(segmenter.TakeDue(deadlineWall)).Segment.SegmentId);
    }

    [Fact]
    public void Should_count_a_record_late_once_its_segment_has_left_and_drop_it_when_no_segment_needs_it()
    {
        var segmenter = Segmenter();
        var left = Stream(segmenter, T0, T0.AddHours(1));
        var newest = left[^1].Segment;

        // Inside the newest segment that left, but also inside the next one (segments overlap): kept.
        Assert.Equal(RecordFate.LateKept, segmenter.Observe("NO.ARC2..BHZ", newest.EndUtc.AddMinutes(-1), newest.EndUtc.AddSeconds(-50), T0.AddHours(1)));
        // Before everything the pending segment needs: dropped.
        Assert.Equal(RecordFate.LateDropped, segmenter.Observe("NO.ARC2..BHZ", newest.StartUtc, newest.StartUtc.AddSeconds(10), T0.AddHours(1)));
        // Ahead of everything: needed.
        Assert.Equal(RecordFate.Needed, segmenter.Observe("NO.ARC2..BHZ", T0.AddHours(1), T0.AddHours(1).AddSeconds(10), T0.AddHours(1)));
    }

    [Fact]
    public void Should_not_publish_again_the_segments_published_before_a_restart()
    {
        var first = Stream(Segmenter(), T0, T0.AddHours(1));
        var resumeAfter = first[^1].Segment.EndUtc;

        // The server resends from the state file's sequence numbers, which reach back before that segment's end.
        var again = Stream(Segmenter(resumeAfter), T0.AddMinutes(30), T0.AddHours(2));

        Assert.DoesNotContain(again, d => first.Any(f => f.Segment.SegmentId == d.Segment.SegmentId));
        Assert.Equal(first[^1].Segment.StartUtc.AddMinutes(12), again[0].Segment.StartUtc);
    }
}
