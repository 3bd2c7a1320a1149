using Seismic.Configuration;

namespace Seismic.Detection.Tests;

public sealed class EventTriggerTests
{
    private static readonly DetectionSettings Settings = new()
    {
        OnThreshold = 0.7,
        OffThreshold = 0.5,
        MinWindowsOn = 2,
        MergeGapWindows = 1,
        OnsetSearchS = 30,
        VotePToleranceS = 30,
    };

    private static IReadOnlyList<TriggeredRun> Runs(params double[] probabilities) => new EventTrigger(Settings).Runs(probabilities);

    [Fact]
    public void Should_find_a_run_from_the_first_window_above_off_to_the_last()
    {
        var run = Assert.Single(Runs(0.1, 0.2, 0.6, 0.9, 0.95, 0.8, 0.6, 0.3, 0.1, 0.1));

        Assert.Equal((2, 6, 4), (run.First, run.Last, run.Peak));
        Assert.False(run.ReachesSegmentEnd);
    }

    [Fact]
    public void Should_not_start_an_event_on_windows_that_never_reach_the_on_threshold()
    {
        Assert.Empty(Runs(0.1, 0.6, 0.65, 0.69, 0.6, 0.1, 0.1));
    }

    [Fact]
    public void Should_need_the_minimum_number_of_windows_above_on()
    {
        Assert.Empty(Runs(0.1, 0.9, 0.6, 0.1, 0.1));
        Assert.Single(Runs(0.1, 0.9, 0.9, 0.1, 0.1));
    }

    [Fact]
    public void Should_bridge_a_dip_no_longer_than_the_merge_gap_and_split_at_a_longer_one()
    {
        Assert.Single(Runs(0.9, 0.9, 0.2, 0.9, 0.9, 0.1, 0.1));
        Assert.Equal(2, Runs(0.9, 0.9, 0.2, 0.2, 0.9, 0.9, 0.1, 0.1).Count);
    }

    [Fact]
    public void Should_say_when_a_run_may_go_on_past_the_segment()
    {
        Assert.True(Runs(0.1, 0.1, 0.9, 0.9).Single().ReachesSegmentEnd);
        // One low window at the end is within the merge gap: the run may still continue.
        Assert.True(Runs(0.1, 0.1, 0.9, 0.9, 0.2).Single().ReachesSegmentEnd);
        Assert.False(Runs(0.1, 0.1, 0.9, 0.9, 0.2, 0.2).Single().ReachesSegmentEnd);
    }

    [Fact]
    public void Should_find_the_same_run_in_two_overlapping_views_of_the_same_windows()
    {
        double[] day = [0.1, 0.1, 0.1, 0.2, 0.8, 0.9, 0.95, 0.6, 0.4, 0.8, 0.9, 0.3, 0.1, 0.1, 0.1];

        var whole = Assert.Single(Runs(day));
        var later = Assert.Single(Runs(day[2..]));

        Assert.Equal(whole.First, later.First + 2);
        Assert.Equal(whole.Last, later.Last + 2);
    }
}
