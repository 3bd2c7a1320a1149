using Seismic.Signal.FrequencyWavenumber;

namespace Seismic.Signal.Tests.FrequencyWavenumber;

/// <summary>Which window of an f-k run is reported as the arrival (<see cref="FkResult.Arrival"/>).</summary>
public sealed class FkArrivalTests
{
    private static readonly DateTime Start = new(2024, 3, 4, 9, 16, 0, DateTimeKind.Utc);

    private static FkWindow Window(int index, double relativePower, double absolutePower, double backAzimuthDeg = 115) =>
        new(Start.AddSeconds(5 * index), backAzimuthDeg, 0.12, 1 / 0.12, relativePower, absolutePower, 0.1, -0.05, 25);

    private static FkResult Result(params FkWindow[] windows) => new(windows, 0, []);

    [Fact]
    public void Should_choose_the_most_coherent_window_not_the_loudest()
    {
        var arrival = Window(1, relativePower: 0.85, absolutePower: 2e6, backAzimuthDeg: 116);
        var loudCoda = Window(4, relativePower: 0.40, absolutePower: 9e6, backAzimuthDeg: 299);

        var chosen = Result(Window(0, 0.2, 1e5), arrival, loudCoda).Arrival();

        Assert.Equal(arrival, chosen);
    }

    [Fact]
    public void Should_break_a_tie_in_relative_power_by_absolute_power()
    {
        var coherentNoise = Window(0, relativePower: 0.905, absolutePower: 1e5);
        var signal = Window(3, relativePower: 0.900, absolutePower: 4e6);

        Assert.Equal(signal, Result(coherentNoise, signal).Arrival());
    }

    [Fact]
    public void Should_not_call_windows_equal_when_their_relative_powers_differ_by_more_than_the_tolerance()
    {
        var coherent = Window(0, relativePower: 0.92, absolutePower: 1e5);
        var louder = Window(3, relativePower: 0.92 - (2 * FkResult.RelativePowerTolerance), absolutePower: 4e6);

        Assert.Equal(coherent, Result(coherent, louder).Arrival());
    }

    [Fact]
    public void Should_take_the_earliest_of_windows_equal_in_both_powers()
    {
        var first = Window(2, 0.8, 1e6);

        Assert.Equal(first, Result(first, Window(5, 0.8, 1e6)).Arrival());
    }

    [Fact]
    public void Should_never_choose_a_window_below_the_minimum_relative_power()
    {
        var windows = Result(Window(0, 0.3, 1e5), Window(1, 0.55, 1e6), Window(2, 0.45, 1e7));

        Assert.Equal(windows.Windows[1], windows.Arrival(minimumRelativePower: 0.5));
        Assert.Null(windows.Arrival(minimumRelativePower: 0.6));
    }

    [Fact]
    public void Should_find_no_arrival_without_windows()
    {
        Assert.Null(Result().Arrival());
    }
}
