namespace Seismic.Integration.Tests;

/// <summary>`seismic config check` as a user runs it: exit code and message.</summary>
public sealed class ConfigCheckCommandTests
{
    private static async Task<ChildProcess> Check(WorkerEnvironment environment, string file)
    {
        var process = environment.Start("cli", "config", "check", file);
        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(60)), process.Output);
        return process;
    }

    [Fact]
    public async Task Should_accept_the_shipped_settings()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        await using var process = await Check(environment, RepositoryLayout.ConfigFile);

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("valid", process.Output);
    }

    [Fact]
    public async Task Should_name_an_unknown_key()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var file = Path.Combine(environment.Folder, "seismic.yaml");
        File.WriteAllText(file, File.ReadAllText(RepositoryLayout.ConfigFile).Replace("  step_s: 5", "  step_s: 5\n  stepp_s: 5"));

        await using var process = await Check(environment, file);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("window.stepp_s: unknown key; did you mean 'step_s'?", process.Output);
    }

    [Fact]
    public async Task Should_name_a_bandpass_whose_minimum_is_above_its_maximum()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var file = Path.Combine(environment.Folder, "seismic.yaml");
        File.WriteAllText(file, File.ReadAllText(RepositoryLayout.ConfigFile).Replace("min_hz: 2", "min_hz: 9").Replace("max_hz: 8", "max_hz: 2"));

        await using var process = await Check(environment, file);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("filters.beam_filter.bandpass.min_hz", process.Output);
    }
}
