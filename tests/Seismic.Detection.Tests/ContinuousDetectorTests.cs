using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Inference.Voting;

namespace Seismic.Detection.Tests;

/// <summary>Windows of 240 s every 5 s from 12:00, as the shipped settings slide them.</summary>
public sealed class ContinuousDetectorTests
{
    private static readonly DateTime Start = new(2024, 3, 12, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(240);
    private static readonly DecisionThresholds Thresholds = new(0.5, 0.5);

    private static readonly ContinuousDetector Detector = new(new DetectionSettings
    {
        OnThreshold = 0.7,
        OffThreshold = 0.5,
        MinWindowsOn = 3,
        MergeGapWindows = 1,
        OnsetSearchS = 30,
        VotePToleranceS = 30,
    }, pPositionS: 60);

    private static List<DateTime> Starts(int count) => Enumerable.Range(0, count).Select(i => Start.AddSeconds(5 * i)).ToList();

    /// <summary>Noise, then an event from window <paramref name="from"/> to <paramref name="to"/> with the given explosion probability.</summary>
    private static List<WindowProbabilities> Windows(int count, int from, int to, double explosion = 0.9) =>
        Enumerable.Range(0, count).Select(i => i >= from && i <= to ? new WindowProbabilities(0.95, explosion) : new WindowProbabilities(0.02, 0.5)).ToList();

    private static IReadOnlyList<DetectedEvent> Detect(List<WindowProbabilities> windows, OwnedSpan? owned = null, IReadOnlyList<Arrival>? arrivals = null) =>
        Detector.Detect(Starts(windows.Count), Window, windows, Thresholds, owned, arrivals ?? [], steeringBackAzimuthDeg: 120);

    [Fact]
    public void Should_put_the_onset_at_the_arrival_nearest_the_end_of_the_events_first_window()
    {
        // The run starts with the window from 12:01:40; it ends at 12:05:40, just after P.
        var p = new Arrival(Start.AddSeconds(100 + 236), 233.5, 7.9, 0.8, 9);
        var s = new Arrival(Start.AddSeconds(100 + 280), 230.0, 3.6, 0.6, 12);

        var found = Assert.Single(Detect(Windows(120, 20, 70, explosion: 0.9), arrivals: [s, p]));

        Assert.Equal(p.OnsetUtc, found.Onset.OnsetUtc);
        Assert.Equal(233.5, found.Onset.BackAzimuthDeg);
        Assert.Equal(OnsetMethod.Arrival, found.Onset.Method);
        Assert.Equal(EventLabel.Explosion, found.Decision.Label);
        // The windows with P 30-90 s in (starts 250-305 s) vote.
        Assert.Equal(12, found.VoterCount);
    }

    [Fact]
    public void Should_let_the_windows_that_see_p_where_the_model_was_trained_decide_the_class()
    {
        var p = new Arrival(Start.AddSeconds(100 + 236), 233.5, 7.9, 0.8, 9);
        // Most of the event's windows lean to earthquake; those with P 30-90 s in say explosion.
        var windows = Windows(120, 20, 70, explosion: 0.2);
        for (var i = 50; i <= 61; i++)
            windows[i] = windows[i] with { Classifier = 0.9 };

        var found = Assert.Single(Detect(windows, arrivals: [p]));

        Assert.Equal(EventLabel.Explosion, found.Decision.Label);
        Assert.Equal(0.9, found.Decision.MeanClassifierProbability, 6);
    }

    [Fact]
    public void Should_place_the_onset_at_the_first_windows_end_with_the_beams_direction_when_no_arrival_was_found()
    {
        var found = Assert.Single(Detect(Windows(120, 20, 70)));

        Assert.Equal(Start.AddSeconds(100) + Window, found.Onset.OnsetUtc);
        Assert.Equal((120.0, OnsetMethod.WindowPosition), (found.Onset.BackAzimuthDeg, found.Onset.Method));
    }

    [Fact]
    public void Should_split_a_run_at_a_later_p_arrival_from_another_direction()
    {
        var first = new Arrival(Start.AddSeconds(100 + 236), 233.5, 7.9, 0.8, 9);
        var second = new Arrival(Start.AddSeconds(100 + 236 + 80), 118.0, 8.1, 0.7, 6);
        var windows = Windows(160, 20, 100, explosion: 0.9);
        // The windows after the second P enters say earthquake.
        for (var i = 36; i <= 100; i++)
            windows[i] = windows[i] with { Classifier = 0.1 };

        var found = Detect(windows, arrivals: [first, second]);

        Assert.Equal(2, found.Count);
        Assert.Equal((first.OnsetUtc, EventLabel.Explosion), (found[0].Onset.OnsetUtc, found[0].Decision.Label));
        Assert.Equal((second.OnsetUtc, EventLabel.Earthquake), (found[1].Onset.OnsetUtc, found[1].Decision.Label));
        Assert.Equal(found[0].Run.Last + 1, found[1].Run.First);
    }

    [Fact]
    public void Should_not_split_an_event_at_its_own_s_phase_or_its_pg_after_pn()
    {
        var pn = new Arrival(Start.AddSeconds(100 + 236), 233.5, 7.9, 0.8, 9);
        var pg = new Arrival(pn.OnsetUtc.AddSeconds(12), 235.0, 6.2, 0.7, 5);
        var lg = new Arrival(pn.OnsetUtc.AddSeconds(70), 200.0, 3.5, 0.6, 15);

        Assert.Single(Detect(Windows(120, 20, 70), arrivals: [pn, pg, lg]));
    }

    [Fact]
    public void Should_report_a_run_broken_by_a_dip_once_when_both_parts_pick_the_same_arrival()
    {
        // Windows 20-25 and 28-60 are events, 26-27 noise (more than merge_gap_windows): two runs. Their first
        // windows end at 340 s and 380 s; the arrival at 360 s is within onset_search_s of both.
        var windows = Windows(120, 20, 60);
        windows[26] = windows[27] = new WindowProbabilities(0.02, 0.5);
        var p = new Arrival(Start.AddSeconds(360.4), 233.5, 7.9, 0.8, 9);

        var found = Assert.Single(Detect(windows, arrivals: [p]));

        Assert.Equal(p.OnsetUtc, found.Onset.OnsetUtc);
        Assert.Equal(20, found.Run.First);
        Assert.Equal(60, found.Run.Last);
        // The event windows with P 30-90 s in (starts 275-330 s: windows 55-60, in the second run) vote.
        Assert.Equal(6, found.VoterCount);
    }

    [Fact]
    public void Should_report_only_events_whose_first_window_it_owns()
    {
        var windows = Windows(120, 20, 70);

        Assert.Single(Detect(windows, new OwnedSpan(Start.AddSeconds(10), Start.AddSeconds(200))));
        Assert.Empty(Detect(windows, new OwnedSpan(Start.AddSeconds(105), Start.AddSeconds(400))));
        Assert.Empty(Detect(windows, new OwnedSpan(Start, Start.AddSeconds(100))));
    }

    [Fact]
    public void Should_leave_a_run_that_starts_before_the_look_back_to_the_segment_before()
    {
        // The event is on from the first window: this segment cannot tell whether it started earlier.
        Assert.Empty(Detect(Windows(120, 0, 40), new OwnedSpan(Start, Start.AddSeconds(600))));
    }
}
