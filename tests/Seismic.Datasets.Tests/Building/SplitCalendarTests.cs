using Seismic.Datasets.Building;
using Seismic.Datasets.SeisBench;

namespace Seismic.Datasets.Tests.Building;

public sealed class SplitCalendarTests
{
    private static IEnumerable<DateTime> Days(int count) =>
        Enumerable.Range(0, count).Select(d => new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(d));

    private static string[] SplitsOf(SplitCalendar calendar, int count) =>
        Days(count).Select(t => calendar.SplitOfDay(DateOnly.FromDateTime(t))).ToArray();

    [Fact]
    public void Should_split_ten_days_eight_one_one_at_the_shipped_fractions()
    {
        var calendar = SplitCalendar.FromFractions(Days(10), trainFraction: 0.8, devFractionOfRest: 0.6);

        var splits = SplitsOf(calendar, 10);

        Assert.Equal(8, splits.Count(s => s == DatasetSplits.Train));
        Assert.Equal(1, splits.Count(s => s == DatasetSplits.Dev));
        Assert.Equal(1, splits.Count(s => s == DatasetSplits.Test));
    }

    [Fact]
    public void Should_keep_a_dev_day_when_two_days_would_round_to_all_training()
    {
        var calendar = SplitCalendar.FromFractions(Days(2), trainFraction: 0.8, devFractionOfRest: 0.6);

        Assert.Equal([DatasetSplits.Train, DatasetSplits.Dev], SplitsOf(calendar, 2));
    }

    [Fact]
    public void Should_give_dev_and_test_a_day_each_from_three_days_on()
    {
        var calendar = SplitCalendar.FromFractions(Days(3), trainFraction: 0.9, devFractionOfRest: 0.9);

        Assert.Equal([DatasetSplits.Train, DatasetSplits.Dev, DatasetSplits.Test], SplitsOf(calendar, 3));
    }

    [Fact]
    public void Should_train_on_a_single_day_when_there_is_only_one()
    {
        var calendar = SplitCalendar.FromFractions(Days(1), trainFraction: 0.8, devFractionOfRest: 0.6);

        Assert.Equal([DatasetSplits.Train], SplitsOf(calendar, 1));
    }
}
