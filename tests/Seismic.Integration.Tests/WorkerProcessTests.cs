namespace Seismic.Integration.Tests;

/// <summary>Each worker runs as its own process against the broker, reports healthy, and stops cleanly on SIGTERM.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class WorkerProcessTests
{
    public static TheoryData<string> Workers() => ["ingest", "beamformer", "classifier", "trainer", "reporter"];

    [Theory]
    [MemberData(nameof(Workers))]
    public async Task Should_start_report_healthy_and_stop_on_sigterm(string worker)
    {
        using var environment = new WorkerEnvironment();
        await using var process = environment.Start(worker);

        await process.WaitForOutput("Service is healthy", TimeSpan.FromSeconds(60));
        process.Terminate();

        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(10)), $"{worker} did not stop within 10 s:{Environment.NewLine}{process.Output}");
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Should_refuse_to_start_with_a_bad_settings_file_and_name_the_key()
    {
        using var environment = new WorkerEnvironment();
        var badConfig = Path.Combine(environment.Folder, "seismic.yaml");
        File.WriteAllText(badConfig, File.ReadAllText(RepositoryLayout.ConfigFile) + "\nnot_a_section: 1\n");
        var variables = new Dictionary<string, string>(environment.Variables) { ["Seismic__ConfigFile"] = badConfig };

        await using var process = ChildProcess.Start("ingest", environment.Folder, variables);

        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("not_a_section", process.Output);
        Assert.DoesNotContain("   at ", process.Output);
    }
}
