using Seismic.Simulation.Sources;

namespace Seismic.Simulation.Scenario;

/// <summary>
/// The deterministic content of a simulation: its events and its data defects. Both are drawn per UTC day from
/// streams keyed by the seed and the day, so the first hours of a long run hold the same events as a short run
/// with the same seed and start day.
/// </summary>
public sealed record SimulationScenario(ScenarioOptions Options, IReadOnlyList<SimulatedEvent> Events, IReadOnlyList<Defect> Defects)
{
    /// <summary>The events whose origin falls in the options' interval, and the defects that overlap it.</summary>
    public static SimulationScenario Generate(ScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.FindProblems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var events = new List<SimulatedEvent>();
        var defects = new List<Defect>();
        for (var day = DateOnly.FromDateTime(options.StartUtc); day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) < options.EndUtc; day = day.AddDays(1))
        {
            events.AddRange(EventScheduler.ForDay(day, options.Seed, options.RateMultiplier, options.EarthquakeRateMultiplier)
                .Where(e => e.OriginUtc >= options.StartUtc && e.OriginUtc < options.EndUtc));
            defects.AddRange(DefectScheduler.ForDay(day, options.Seed, options.DefectRateMultiplier)
                .Where(d => d.Overlaps(options.StartUtc, options.EndUtc)));
        }

        return new SimulationScenario(options, events, defects);
    }

    public int Count(EventKind kind) => Events.Count(e => e.Kind == kind);
}
