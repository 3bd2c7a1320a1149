namespace Seismic.Simulation.Scenario;

/// <summary>What to simulate: when, for how long, with which seed, how busy.</summary>
public sealed record ScenarioOptions
{
    /// <summary>First sample, UTC.</summary>
    public required DateTime StartUtc { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>The same seed gives the same events and the same bytes; another seed other events.</summary>
    public required long Seed { get; init; }

    /// <summary>Multiplies every region's bulletin rate: above 1 for busier test scenarios, 0 for noise only.</summary>
    public double RateMultiplier { get; init; } = 1.0;

    /// <summary>
    /// A further factor on the earthquake regions alone. ARCES's bulletin has about 17 explosions per earthquake;
    /// a training set made from a few simulated days needs more earthquakes than that to learn from.
    /// </summary>
    public double EarthquakeRateMultiplier { get; init; } = 1.0;

    /// <summary>Multiplies the rates of gaps, dead sites and spikes; 0 for clean data.</summary>
    public double DefectRateMultiplier { get; init; } = 1.0;

    public DateTime EndUtc => StartUtc + Duration;

    /// <summary>Every reason the options cannot be simulated, one sentence each; empty when they can.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        if (Duration <= TimeSpan.Zero)
        {
            problems.Add($"The duration must be positive (got {Duration}).");
        }

        if (Duration > TimeSpan.FromDays(3660))
        {
            problems.Add($"The duration of {Duration.TotalDays:F0} days is more than ten years; simulate in pieces.");
        }

        if (StartUtc.Year < 1970 || StartUtc.Year > 2200)
        {
            problems.Add($"The start {StartUtc:O} is outside 1970-2200.");
        }

        if (!(RateMultiplier >= 0) || double.IsInfinity(RateMultiplier))
        {
            problems.Add($"The rate multiplier must be zero or positive (got {RateMultiplier}).");
        }

        if (!(EarthquakeRateMultiplier >= 0) || double.IsInfinity(EarthquakeRateMultiplier))
        {
            problems.Add($"The earthquake rate multiplier must be zero or positive (got {EarthquakeRateMultiplier}).");
        }

        if (!(DefectRateMultiplier >= 0) || double.IsInfinity(DefectRateMultiplier))
        {
            problems.Add($"The defect rate multiplier must be zero or positive (got {DefectRateMultiplier}).");
        }

        return problems;
    }
}
