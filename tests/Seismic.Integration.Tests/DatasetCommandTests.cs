namespace Seismic.Integration.Tests;

/// <summary>`seismic dataset build` as a new user first runs it: on one simulated hour.</summary>
public sealed class DatasetCommandTests(SimulatedHour hour) : IClassFixture<SimulatedHour>
{
    [Fact]
    public async Task Should_warn_that_one_day_of_events_leaves_the_dev_and_test_splits_empty()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var build = environment.Start("cli", "dataset", "build", "--catalog", Path.Combine(hour.Folder, "catalog.xml"),
            "--inventory", hour.InventoryPath, "--source", "sds://" + hour.ArchivePath, "--out", Path.Combine(environment.Folder, "dataset"));
        Assert.True(await build.WaitForExit(TimeSpan.FromMinutes(3)), build.Output);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("warning: the 'dev' split is empty", build.Output);
        Assert.Contains("warning: the 'test' split is empty", build.Output);
        Assert.Contains("three event days", build.Output);
        Assert.DoesNotContain("the 'train' split is empty", build.Output);
    }
}
