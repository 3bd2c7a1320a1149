using Seismic.TestSupport;
using Seismic.Simulation.Scenario;

namespace Seismic.Sources.Tests.Support;

/// <summary>
/// Twenty minutes of the synthetic ARCES (26 sites, BHZ/BHN/BHE at 40 Hz, 4096-byte Steim-2 records) across the
/// midnight of 4-5 March 2024 (day 064 to 065), noise only and without defects: simulated once (a few seconds)
/// for every test class that reads it.
/// </summary>
public sealed class SimulatedArchive : IDisposable
{
    public static readonly DateTime StartUtc = new(2024, 3, 4, 23, 50, 0, DateTimeKind.Utc);

    public static readonly DateTime Midnight = new(2024, 3, 5, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime EndUtc = StartUtc.AddMinutes(20);

    private readonly TempFolder _folder = new();

    public SimulatedArchive()
    {
        Summary = SimulationRun.Write(new ScenarioOptions
        {
            StartUtc = StartUtc,
            Duration = EndUtc - StartUtc,
            Seed = 5,
            RateMultiplier = 0,
            DefectRateMultiplier = 0,
        }, _folder.Combine("simulated"));
    }

    public SimulationSummary Summary { get; }

    public string ArchivePath => Summary.Output.ArchivePath;

    public string InventoryPath => Summary.Output.InventoryPath;

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SimulatedArchiveCollection : ICollectionFixture<SimulatedArchive>
{
    public const string Name = "simulated archive";
}
