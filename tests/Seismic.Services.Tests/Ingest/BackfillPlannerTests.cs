using Seismic.Ingest.Processing;

namespace Seismic.Services.Tests.Ingest;

public sealed class BackfillPlannerTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
    /// <summary>The shipped grid: 20-minute segments every 12 minutes, each owning 12 minutes of window starts from 10 s in.</summary>
    private readonly BackfillPlanner _planner = new(
        "ARCES", new SegmentGrid(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(8), TimeSpan.FromSeconds(10)),
        TimeSpan.FromDays(366), windowLengthS: 240, eventBufferS: 30, new FixedClock(Now));

    private static DateTime Utc(int hour, int minute, int second = 0) => new(2023, 10, 30, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void Should_cut_interval_into_overlapping_segments_on_the_fixed_grid()
    {
        var plan = _planner.Plan("ARCES", Utc(12, 1), Utc(12, 16));

        Assert.True(plan.IsValid);
        Assert.Equal(
            [(Utc(12, 0), Utc(12, 20)), (Utc(12, 12), Utc(12, 32))],
            plan.Segments.Select(s => (s.StartUtc, s.EndUtc)));
        Assert.Equal(
            [(Utc(12, 1), Utc(12, 12, 10)), (Utc(12, 12, 10), Utc(12, 16))],
            plan.Segments.Select(s => (s.OwnedFromUtc!.Value, s.OwnedUntilUtc!.Value)));
    }

    [Fact]
    public void Should_give_every_window_start_to_exactly_one_segment()
    {
        var plan = _planner.Plan("ARCES", Utc(11, 0), Utc(15, 0));

        for (var start = Utc(11, 0); start < Utc(15, 0); start = start.AddSeconds(5))
        {
            var owners = plan.Segments.Where(s => s.OwnedFromUtc <= start && start < s.OwnedUntilUtc).ToList();
            var owner = Assert.Single(owners);
            // The owner sees the whole window and the look-back before it.
            Assert.True(owner.StartUtc <= start.AddSeconds(-10) && start.AddSeconds(240) <= owner.EndUtc, $"window at {start:O} in {owner.SegmentId}");
        }
    }

    [Fact]
    public void Should_give_the_same_segment_ids_for_overlapping_requests()
    {
        var first = _planner.Plan("ARCES", Utc(12, 0), Utc(12, 30));
        var second = _planner.Plan("arces", Utc(12, 20), Utc(13, 0));

        // The first request starts with the segment from 11:48, whose owned span ends at 12:00:10.
        Assert.Equal("ARCES_20231030T121200.000Z_20231030T123200.000Z", first.Segments[2].SegmentId);
        Assert.Equal(first.Segments[2].SegmentId, second.Segments[0].SegmentId);
    }

    [Fact]
    public void Should_cut_a_segment_around_each_known_event_as_the_original_did()
    {
        var pn = Utc(12, 3, 10);
        var lg = Utc(12, 4, 40);
        var plan = _planner.Plan("ARCES", Utc(12, 0), Utc(13, 0),
        [
            new KnownEvent("ev1", [pn, lg], null, null),
            new KnownEvent("ev2", [], null, null),
        ]);

        var segment = Assert.Single(plan.Segments);
        // 90 s between the picks, widened to 240 s (75 s more on each side), then 30 s of buffer: 300 s.
        Assert.Equal(pn.AddSeconds(-105), segment.StartUtc);
        Assert.Equal(lg.AddSeconds(105), segment.EndUtc);
        Assert.Equal("ev1", segment.KnownEventId);
        Assert.Null(segment.OwnedFromUtc);
        Assert.Contains(plan.Skipped, s => s.StartsWith("ev2:", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_reject_interval_when_end_precedes_start()
    {
        var plan = _planner.Plan("ARCES", Utc(13, 0), Utc(12, 0));

        Assert.False(plan.IsValid);
        Assert.Empty(plan.Segments);
        Assert.Contains(plan.Problems, p => p.Contains("ends") && p.Contains("before it starts"));
    }

    [Fact]
    public void Should_reject_empty_interval()
    {
        Assert.False(_planner.Plan("ARCES", Utc(12, 0), Utc(12, 0)).IsValid);
    }

    [Fact]
    public void Should_reject_an_array_that_is_not_configured()
    {
        var plan = _planner.Plan("NORES", Utc(12, 0), Utc(13, 0));

        Assert.Contains(plan.Problems, p => p.Contains("'NORES'") && p.Contains("'ARCES'"));
    }

    [Fact]
    public void Should_reject_an_interval_in_the_future()
    {
        var plan = _planner.Plan("ARCES", Now.AddHours(1), Now.AddHours(2));

        Assert.Contains(plan.Problems, p => p.Contains("future"));
    }

    [Fact]
    public void Should_reject_an_interval_longer_than_the_maximum()
    {
        var plan = _planner.Plan("ARCES", Utc(12, 0), Utc(12, 0).AddDays(400));

        Assert.Contains(plan.Problems, p => p.Contains("400.0 days") && p.Contains("source.max_backfill_days"));
    }

    [Fact]
    public void Should_reject_local_times()
    {
        var local = new DateTime(2023, 10, 30, 12, 0, 0, DateTimeKind.Local);

        Assert.Contains(_planner.Plan("ARCES", local, local.AddHours(1)).Problems, p => p.Contains("UTC"));
    }

    [Fact]
    public void Should_report_every_problem_at_once()
    {
        var plan = _planner.Plan("NORES", Utc(13, 0), Utc(12, 0));

        Assert.Equal(2, plan.Problems.Count);
    }
}
