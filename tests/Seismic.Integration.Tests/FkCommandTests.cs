using System.Text.Json;
using Seismic.TestSupport;

namespace Seismic.Integration.Tests;

/// <summary>`seismic fk` on the real Yellowknife array recording of the 2012 Okhotsk earthquake's P wave.</summary>
public sealed class FkCommandTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.SharedData, "obspy-examples", "array-yellowknife-2012-08-14");

    private static async Task<ChildProcess> Fk(WorkerEnvironment environment, string start, string end, params string[] more)
    {
        var process = environment.Start("cli", ["fk", "--inventory", Path.Combine(Folder, "array_yellowknife.xml"),
            "--data", Path.Combine(Folder, "array_yellowknife_2012-08-14.mseed"), "--start", start, "--end", end, .. more]);
        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(60)), process.Output);
        return process;
    }

    [Fact]
    public async Task Should_print_the_back_azimuth_of_the_catalog_event_as_json()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var process = await Fk(environment, "2012-08-14T03:07:20Z", "2012-08-14T03:08:30Z", "--json");

        Assert.Equal(0, process.ExitCode);
        using var last = JsonDocument.Parse(process.Output.Trim().Split('\n')[^1]);
        var strongest = last.RootElement.GetProperty("strongest");
        Assert.InRange(strongest.GetProperty("backAzimuthDeg").GetDouble(), 302.6, 308.6);
        Assert.InRange(strongest.GetProperty("slownessSPerKm").GetDouble(), 0.045, 0.085);
    }

    [Fact]
    public async Task Should_refuse_an_interval_that_ends_before_it_starts()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var process = await Fk(environment, "2012-08-14T03:08:30Z", "2012-08-14T03:07:20Z");

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("before it starts", process.Output);
    }
}
