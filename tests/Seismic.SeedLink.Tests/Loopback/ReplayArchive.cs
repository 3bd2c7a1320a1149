using Seismic.Simulation.Scenario;

namespace Seismic.SeedLink.Tests.Loopback;

/// <summary>Thirty simulated minutes of ARCES as an SDS archive, shared by the loopback tests.</summary>
public sealed class ReplayArchive : IDisposable
{
    public static readonly DateTime StartUtc = new(2024, 3, 5, 9, 0, 0, DateTimeKind.Utc);

    public ReplayArchive()
    {
        Folder = Directory.CreateTempSubdirectory("seismic-seedlink-").FullName;
        Run = SimulationRun.Write(new ScenarioOptions { StartUtc = StartUtc, Duration = TimeSpan.FromMinutes(30), Seed = 5, DefectRateMultiplier = 0 }, Path.Combine(Folder, "sim"));
    }

    public string Folder { get; }

    public SimulationSummary Run { get; }

    public string ArchivePath => Run.Output.ArchivePath;

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
