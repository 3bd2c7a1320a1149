using Seismic.Simulation.Scenario;
using Seismic.Simulation.Sources;

namespace Seismic.Simulation.Tests;

/// <summary>The event list follows the 2022 bulletins around ARCES (regional-sources.md): who, where, how often, when.</summary>
public class ScenarioTests
{
    /// <summary>Four weeks from a Monday: long enough for the rates, cheap because no waveform is made.</summary>
    private static readonly SimulationScenario FourWeeks = SimulationScenario.Generate(new ScenarioOptions
    {
        StartUtc = new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc),
        Duration = TimeSpan.FromDays(28),
        Seed = 11,
    });

    [Fact]
    public void Should_make_explosions_outnumber_earthquakes_on_a_working_day()
    {
        var tuesday = SimulationScenario.Generate(new ScenarioOptions
        {
            StartUtc = new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc),
            Duration = TimeSpan.FromDays(1),
            Seed = 3,
        });

        Assert.True(tuesday.Count(EventKind.Explosion) > 5 * Math.Max(1, tuesday.Count(EventKind.Earthquake)),
            $"{tuesday.Count(EventKind.Explosion)} explosions, {tuesday.Count(EventKind.Earthquake)} earthquakes");
    }

    [Fact]
    public void Should_average_the_bulletin_rates_of_about_26_explosions_and_1_5_earthquakes_a_day()
    {
        Assert.InRange(FourWeeks.Count(EventKind.Explosion) / 28.0, 22.0, 30.0);
        Assert.InRange(FourWeeks.Count(EventKind.Earthquake) / 28.0, 0.9, 2.2);
        Assert.InRange(FourWeeks.Count(EventKind.InducedOrTriggered), 0, 8);
    }

    [Fact]
    public void Should_place_most_explosions_at_the_mines_200_to_420_km_away()
    {
        var distances = FourWeeks.Events.Where(e => e.Kind == EventKind.Explosion).Select(e => e.DistanceKm).ToList();

        Assert.All(distances, d => Assert.InRange(d, 180.0, 1200.0));
        Assert.InRange(distances.Count(d => d is >= 190 and <= 430) / (double)distances.Count, 0.8, 0.95);
    }

    [Fact]
    public void Should_place_most_earthquakes_farther_than_the_mines_but_some_near_the_array()
    {
        var distances = FourWeeks.Events.Where(e => e.Kind == EventKind.Earthquake).Select(e => e.DistanceKm).Order().ToList();

        Assert.True(distances[distances.Count / 2] > 600, $"median earthquake distance {distances[distances.Count / 2]:F0} km");
        Assert.Contains(distances, d => d < 250);
    }

    [Fact]
    public void Should_blast_in_local_working_hours_and_rarely_at_weekends()
    {
        var explosions = FourWeeks.Events.Where(e => e.Kind == EventKind.Explosion).ToList();
        var weekend = explosions.Count(e => e.OriginUtc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        Assert.All(explosions, e => Assert.InRange(e.OriginUtc.TimeOfDay.TotalHours, 4.0, 16.0));
        Assert.True(weekend < 0.03 * explosions.Count, $"{weekend} of {explosions.Count} explosions at weekends");
    }

    [Fact]
    public void Should_keep_magnitudes_and_depths_in_each_region_s_range()
    {
        foreach (var e in FourWeeks.Events)
        {
            var region = SourceRegions.All.Single(r => r.Name == e.RegionName);
            Assert.InRange(e.Magnitude, region.MagnitudeMin - 0.05, region.MagnitudeMax + 0.05);
            Assert.InRange(e.DepthKm, region.DepthMinKm, region.DepthMaxKm);
            Assert.InRange(e.DistanceKm, region.DistanceKm - region.ScatterRadiusKm - 1, region.DistanceKm + region.ScatterRadiusKm + 1);
        }
    }

    [Fact]
    public void Should_give_explosions_larger_P_to_S_ratios_than_earthquakes_with_overlapping_distributions()
    {
        var explosions = FourWeeks.Events.Where(e => e.Kind == EventKind.Explosion).Select(e => e.Source.PToSAmplitudeRatio).Order().ToList();
        var earthquakes = FourWeeks.Events.Where(e => e.Kind == EventKind.Earthquake).Select(e => e.Source.PToSAmplitudeRatio).Order().ToList();

        Assert.True(explosions[explosions.Count / 2] > 1.4 * earthquakes[earthquakes.Count / 2]);
        Assert.True(explosions[0] < earthquakes[^1], "the P/S distributions should overlap");
    }

    [Fact]
    public void Should_draw_the_same_events_from_the_same_seed_and_other_events_from_another()
    {
        ScenarioOptions Day(long seed) => new() { StartUtc = new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc), Duration = TimeSpan.FromDays(1), Seed = seed };

        var first = SimulationScenario.Generate(Day(5)).Events;
        var again = SimulationScenario.Generate(Day(5)).Events;
        var other = SimulationScenario.Generate(Day(6)).Events;

        Assert.Equal(first.Select(e => (e.OriginUtc, e.Epicentre, e.Magnitude)), again.Select(e => (e.OriginUtc, e.Epicentre, e.Magnitude)));
        Assert.NotEqual(first.Select(e => e.OriginUtc), other.Select(e => e.OriginUtc));
    }

    [Fact]
    public void Should_hold_in_a_short_run_the_same_events_as_the_first_hours_of_a_long_one()
    {
        var start = new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc);
        var day = SimulationScenario.Generate(new ScenarioOptions { StartUtc = start, Duration = TimeSpan.FromDays(1), Seed = 9 });
        var morning = SimulationScenario.Generate(new ScenarioOptions { StartUtc = start, Duration = TimeSpan.FromHours(10), Seed = 9 });

        Assert.Equal(day.Events.Where(e => e.OriginUtc < start.AddHours(10)).Select(e => e.PublicId), morning.Events.Select(e => e.PublicId));
    }

    [Fact]
    public void Should_refuse_a_duration_that_is_not_positive()
    {
        var problem = Assert.Throws<ArgumentException>(() => SimulationScenario.Generate(new ScenarioOptions
        {
            StartUtc = new DateTime(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc),
            Duration = TimeSpan.Zero,
            Seed = 1,
        }));

        Assert.Contains("duration must be positive", problem.Message);
    }
}
