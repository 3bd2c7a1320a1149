using Seismic.Signal.Hygiene;

namespace Seismic.Signal.Tests.Hygiene;

public class TraceHygieneTests
{
    private static readonly DateTime Start = new(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc);

    private static SignalTrace Trace(string id, double startOffsetSeconds, int sampleCount = 400, double rateHz = 40.0) =>
        new(id, Start.AddSeconds(startOffsetSeconds), rateHz, Enumerable.Range(0, sampleCount).Select(i => (double)i).ToArray());

    [Fact]
    public void Starts_within_the_tolerance_are_snapped_to_the_common_start()
    {
        var result = TraceHygiene.Apply([Trace("NO.ARA0..BHZ", 0.0), Trace("NO.ARA1..BHZ", 0.12), Trace("NO.ARA2..BHZ", -0.01)]);

        Assert.Equal(3, result.Kept.Count);
        Assert.Empty(result.Dropped);
        Assert.All(result.Kept, t => Assert.Equal(Start.AddSeconds(-0.01), t.StartUtc));
        Assert.Equal(-0.13, result.Adjustments.Single(a => a.ChannelId == "NO.ARA1..BHZ").StartShiftSeconds, 9);
    }

    [Fact]
    public void A_trace_further_than_the_tolerance_from_the_common_start_is_dropped_with_the_reason()
    {
        var result = TraceHygiene.Apply([Trace("NO.ARA0..BHZ", 0.0), Trace("NO.ARA1..BHZ", 0.0), Trace("NO.ARA2..BHZ", 0.2)]);

        var dropped = Assert.Single(result.Dropped);
        Assert.Equal("NO.ARA2..BHZ", dropped.ChannelId);
        Assert.Equal(DropReason.StartTimeMismatch, dropped.Reason);
        Assert.Contains("0.200 s", dropped.Detail);
        Assert.Equal(2, result.Kept.Count);
    }

    [Fact]
    public void One_early_trace_does_not_make_all_the_others_drop()
    {
        var result = TraceHygiene.Apply([Trace("NO.ARA0..BHZ", -3.0), Trace("NO.ARA1..BHZ", 0.0), Trace("NO.ARA2..BHZ", 0.0)]);

        Assert.Equal(Start, result.CommonStartUtc);
        Assert.Equal("NO.ARA0..BHZ", Assert.Single(result.Dropped).ChannelId);
    }

    [Fact]
    public void More_than_five_seconds_missing_drops_the_trace_and_five_seconds_or_less_is_filled_with_zeros()
    {
        var tooGappy = Trace("NO.ARA1..BHZ", 0.0);
        Array.Fill(tooGappy.Samples, double.NaN, 100, 201); // 5.025 s at 40 Hz
        var gappy = Trace("NO.ARA2..BHZ", 0.0);
        Array.Fill(gappy.Samples, double.NaN, 100, 200); // exactly 5 s

        var result = TraceHygiene.Apply([Trace("NO.ARA0..BHZ", 0.0), tooGappy, gappy]);

        var dropped = Assert.Single(result.Dropped);
        Assert.Equal(DropReason.TooManyMissingSamples, dropped.Reason);
        Assert.Equal("NO.ARA1..BHZ", dropped.ChannelId);
        var filled = result.Kept.Single(t => t.ChannelId == "NO.ARA2..BHZ");
        Assert.All(filled.Samples.AsSpan(100, 200).ToArray(), v => Assert.Equal(0.0, v));
        Assert.Equal(99.0, filled.Samples[99]);
        Assert.Equal(200, result.Adjustments.Single(a => a.ChannelId == "NO.ARA2..BHZ").FilledSampleCount);
        Assert.True(double.IsNaN(gappy.Samples[100]), "the input trace must not be modified");
    }

    [Fact]
    public void Empty_traces_are_dropped_as_unusable_and_nothing_left_gives_no_common_start()
    {
        var result = TraceHygiene.Apply([new SignalTrace("NO.ARA0..BHZ", Start, 40.0, [])]);

        Assert.Equal(DropReason.Unusable, Assert.Single(result.Dropped).Reason);
        Assert.Empty(result.Kept);
        Assert.Null(result.CommonStartUtc);
    }
}
