using Seismic.Evaluation.Analysis;
using Seismic.Evaluation.Tests.Support;

namespace Seismic.Evaluation.Tests.Analysis;

public sealed class MistakeRatesTests
{
    [Fact]
    public void Should_bin_true_events_by_distance_and_count_missed_and_wrong_labels()
    {
        var windows = new[]
        {
            Windows.Of("earthquake", 0.9, 0.2, distanceKm: 50),   // right
            Windows.Of("earthquake", 0.2, 0.2, distanceKm: 150),  // missed: called noise
            Windows.Of("explosion", 0.9, 0.1, distanceKm: 180),   // wrong kind: called earthquake
            Windows.Of("explosion", 0.9, 0.9, distanceKm: 300),   // right, on the last bin's upper edge
            Windows.Of("earthquake", 0.9, 0.2, distanceKm: 350),  // beyond the edges
            Windows.Of("earthquake", 0.9, 0.2),                   // no distance
            Windows.Of("noise", 0.9, 0.2, distanceKm: 100),       // noise is never binned
        };

        var table = MistakeRates.WithEdges(windows, "distance", "km", w => w.DistanceKm, [0, 100, 200, 300]);

        Assert.Equal(
            [new MistakeRateBin(0, 100, 1, 0, 0), new MistakeRateBin(100, 200, 2, 1, 2), new MistakeRateBin(200, 300, 1, 0, 0)],
            table.Bins);
        Assert.Equal(2, table.EventsWithoutValue);
        Assert.Equal(0.5, table.Bins[1].MissedRate);
        Assert.Equal(1.0, table.Bins[1].MistakeRate);
    }

    [Fact]
    public void Should_make_equal_width_bins_from_the_smallest_to_the_largest_value()
    {
        var windows = new[]
        {
            Windows.Of("earthquake", 0.9, 0.2, distanceKm: 10),
            Windows.Of("earthquake", 0.2, 0.2, distanceKm: 30),
            Windows.Of("earthquake", 0.9, 0.2, distanceKm: 50),
        };

        var table = MistakeRates.ByDistance(windows, binCount: 2);

        Assert.Equal([new MistakeRateBin(10, 30, 1, 0, 0), new MistakeRateBin(30, 50, 2, 1, 1)], table.Bins);
        Assert.Equal([10.0, 20, 30, 40, 50], MistakeRates.EqualWidthEdges(10, 50, 4));
    }

    [Fact]
    public void Should_make_one_bin_when_every_event_has_the_same_value()
    {
        var windows = new[] { Windows.Of("earthquake", 0.9, 0.2, distanceKm: 5), Windows.Of("explosion", 0.9, 0.2, distanceKm: 5) };

        var table = MistakeRates.ByDistance(windows);

        var bin = Assert.Single(table.Bins);
        Assert.Equal(new MistakeRateBin(5, 5, 2, 0, 1), bin);
    }

    [Fact]
    public void Should_bin_by_magnitude_over_the_square_root_of_distance()
    {
        var window = Windows.Of("earthquake", 0.9, 0.2, distanceKm: 100, magnitude: 3);

        Assert.Equal(0.3, window.MagnitudePerSqrtDistance!.Value, 12);
        Assert.Null(Windows.Of("earthquake", 0.9, 0.2, distanceKm: 100).MagnitudePerSqrtDistance);
        Assert.Equal(1, MistakeRates.ByMagnitudePerSqrtDistance([window]).Bins.Sum(b => b.Events));
    }

    [Fact]
    public void Should_give_no_rate_for_an_empty_bin()
    {
        var empty = new MistakeRateBin(0, 1, 0, 0, 0);

        Assert.True(double.IsNaN(empty.MissedRate));
        Assert.True(double.IsNaN(empty.MistakeRate));
    }

    [Fact]
    public void Should_refuse_edges_that_do_not_ascend()
    {
        Assert.Throws<ArgumentException>(() => MistakeRates.WithEdges([], "distance", "km", w => w.DistanceKm, [0, 200, 100]));
    }
}
