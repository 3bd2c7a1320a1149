using System.Globalization;

namespace Seismic.Integration.Tests;

/// <summary>
/// Simulated ARCES from 2024-03-04 09:00 (`seismic simulate`, seed 7, no defects): an SDS archive, its StationXML
/// and the truth catalog, made once per test class that uses it.
/// </summary>
public abstract class SimulatedHours(int hours) : IAsyncLifetime
{
    public static readonly DateTime StartUtc = new(2024, 3, 4, 9, 0, 0, DateTimeKind.Utc);

    private protected WorkerEnvironment Environment { get; } = WorkerEnvironment.WithoutBroker();

    public string Folder => Path.Combine(Environment.Folder, "sim");

    public string ArchivePath => Path.Combine(Folder, "archive");

    public string InventoryPath => Path.Combine(Folder, "arces.xml");

    public virtual async Task InitializeAsync()
    {
        await using var process = Environment.Start("cli", "simulate", "--start", StartUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "--hours", hours.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--defect-multiplier", "0", "--out", Folder);
        Assert.True(await process.WaitForExit(TimeSpan.FromMinutes(3)), process.Output);
        Assert.True(process.ExitCode == 0, process.Output);
    }

    public Task DisposeAsync()
    {
        Environment.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Two simulated hours, whose strong blast at 09:58 lies in the middle.</summary>
public sealed class SimulatedTwoHours() : SimulatedHours(2);
