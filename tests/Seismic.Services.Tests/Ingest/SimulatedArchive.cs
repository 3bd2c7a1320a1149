using Seismic.Simulation.Scenario;

namespace Seismic.Services.Tests.Ingest;

/// <summary>
/// One simulated hour of ARCES (busier than the bulletin, clean data) shared by the ingest tests: an SDS archive,
/// the StationXML and the truth catalog, written once.
/// </summary>
public sealed class SimulatedArchive : IDisposable
{
    public static readonly DateTime StartUtc = new(2024, 3, 5, 9, 0, 0, DateTimeKind.Utc);

    public SimulatedArchive()
    {
        Folder = Directory.CreateTempSubdirectory("seismic-ingest-").FullName;
        Run = SimulationRun.Write(new ScenarioOptions
        {
            StartUtc = StartUtc,
            Duration = TimeSpan.FromHours(1),
            Seed = 3,
            RateMultiplier = 3,
            DefectRateMultiplier = 0,
        }, Path.Combine(Folder, "sim"));
    }

    public string Folder { get; }

    public SimulationSummary Run { get; }

    public string SourceUri => "sds://" + Run.Output.ArchivePath;

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
