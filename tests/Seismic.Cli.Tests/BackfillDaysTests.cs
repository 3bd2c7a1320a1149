using Seismic.Cli.Pipeline;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Ingest;

namespace Seismic.Cli.Tests;

/// <summary>The days a backfill's summary names and draws the day pictures of: those its rows went to.</summary>
public sealed class BackfillDaysTests
{
    private static readonly DateTime Day = new(2024, 3, 13, 0, 0, 0, DateTimeKind.Utc);

    private static BackfillInterval Interval(DateTime start, DateTime end) => new()
    {
        BackfillId = Guid.NewGuid(),
        ArrayCode = "ARCES",
        StartUtc = start,
        EndUtc = end,
        RequestedBy = "test",
        RequestedAtUtc = start,
    };

    private static EventClassified Event(DateTime windowsStartUtc, DateTime? onsetUtc) => new()
    {
        EventId = $"ARCES_{windowsStartUtc:yyyyMMddTHHmmss}Z",
        SegmentId = "ARCES_20240313T234800.000Z_20240314T000800.000Z",
        ArrayCode = "ARCES",
        StartUtc = windowsStartUtc,
        EndUtc = windowsStartUtc.AddMinutes(10),
        OnsetUtc = onsetUtc,
        Label = PredictedLabel.Explosion,
        MeanDetectorProbability = 0.9,
        MeanClassifierProbability = 0.7,
        Votes = new Dictionary<string, int> { ["Explosion"] = 12 },
        Model = new ModelIdentity { Name = "compact", Version = 1, Sha256 = new string('a', 64) },
        BackAzimuthDeg = 270,
    };

    [Fact]
    public void Should_name_the_days_the_interval_touches_up_to_but_not_including_its_end()
    {
        Assert.Equal([Day], BackfillRun.ReportedDays(Interval(Day, Day.AddDays(1)), []));
        Assert.Equal([Day, Day.AddDays(1)], BackfillRun.ReportedDays(Interval(Day.AddHours(20), Day.AddDays(1).AddHours(1)), []));
    }

    [Fact]
    public void Should_add_the_next_day_when_an_event_whose_windows_began_in_the_interval_has_its_onset_after_midnight()
    {
        // The demo's day: the last segment (23:48 to 00:08) reported an event with windows from 23:57:20 and its P at 00:01:20.
        var events = new[]
        {
            Event(Day.AddHours(12), Day.AddHours(12).AddMinutes(4)),
            Event(Day.AddDays(1).AddMinutes(-2).AddSeconds(-40), Day.AddDays(1).AddMinutes(1).AddSeconds(20)),
        };

        Assert.Equal([Day, Day.AddDays(1)], BackfillRun.ReportedDays(Interval(Day, Day.AddDays(1)), events));
    }

    [Fact]
    public void Should_place_an_event_without_an_onset_on_the_day_its_windows_start()
    {
        Assert.Equal([Day], BackfillRun.ReportedDays(Interval(Day, Day.AddDays(1)), [Event(Day.AddDays(1).AddMinutes(-3), null)]));
    }
}
