using Seismic.Ingest.Processing;

namespace Seismic.Services.Tests.Ingest;

public sealed class BackfillPlannerTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
    private readonly BackfillPlanner _planner = new("ARCES", TimeSpan.FromMinutes(5), new FixedClock(Now));

    private static DateTime Utc(int hour, int minute, int second = 0) => new(2023, 10, 30, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void Should_cut_interval_into_segments_on_the_fixed_grid()
    {
        var plan = _planner.Plan("ARCES", Utc(12, 1), Utc(12, 16));

        Assert.True(plan.IsValid);
        Assert.Equal(
            [(Utc(12, 0), Utc(12, 5)), (Utc(12, 5), Utc(12, 10)), (Utc(12, 10), Utc(12, 15)), (Utc(12, 15), Utc(12, 20))],
            plan.Segments.Select(s => (s.StartUtc, s.EndUtc)));
    }

    [Fact]
    public void Should_give_the_same_segment_ids_for_overlapping_requests()
    {
        var first = _planner.Plan("ARCES", Utc(12, 0), Utc(12, 10));
        var second = _planner.Plan("arces", Utc(12, 7, 30), Utc(12, 20));

        Assert.Equal("ARCES_20231030T120500.000Z_20231030T121000.000Z", first.Segments[1].SegmentId);
        Assert.Equal(first.Segments[1].SegmentId, second.Segments[0].SegmentId);
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

        Assert.Contains(plan.Problems, p => p.Contains("400 days"));
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
