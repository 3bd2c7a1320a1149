using Seismic.Simulation.Scenario;

namespace Seismic.Simulation.Tests.Support;

/// <summary>
/// Two hours of a weekday morning (the mines' working hours) simulated once for every test class that reads the
/// archive back: about ten events at 1.5 times the bulletin rate, defects at their usual rate.
/// </summary>
public sealed class SimulatedArchive : IDisposable
{
    public static ScenarioOptions Options { get; } = new()
    {
        StartUtc = new DateTime(2024, 3, 5, 6, 0, 0, DateTimeKind.Utc),
        Duration = TimeSpan.FromHours(2),
        Seed = 20240305,
        RateMultiplier = 1.5,
    };

    public SimulatedArchive()
    {
        Folder = Path.Combine(Path.GetTempPath(), "seismic-simulation-tests", Guid.NewGuid().ToString("N"));
        Summary = SimulationRun.Write(Options, Folder);
    }

    public string Folder { get; }

    public SimulationSummary Summary { get; }

    public SimulationOutput Output => Summary.Output;

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SimulatedArchiveCollection : ICollectionFixture<SimulatedArchive>
{
    public const string Name = "simulated archive";
}
