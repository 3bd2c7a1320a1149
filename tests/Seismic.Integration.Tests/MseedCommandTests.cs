using System.Text.Json;
using Seismic.TestSupport;

namespace Seismic.Integration.Tests;

/// <summary>`seismic mseed` as a user runs it on the shared test files.</summary>
public sealed class MseedCommandTests
{
    private static async Task<ChildProcess> Inspect(WorkerEnvironment environment, params string[] arguments)
    {
        var process = environment.Start("cli", ["mseed", .. arguments]);
        Assert.True(await process.WaitForExit(TimeSpan.FromSeconds(60)), process.Output);
        return process;
    }

    [Fact]
    public async Task Should_print_one_json_object_per_segment_with_the_samples()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var file = Path.Combine(RepositoryPaths.SharedData, "obspy", "mseed", "encoding", "int32_Steim2_bigEndian.mseed");

        await using var process = await Inspect(environment, file, "--json", "--samples");

        Assert.Equal(0, process.ExitCode);
        using var segment = JsonDocument.Parse(process.Output.Trim());
        Assert.Equal("XX.TEST..BHE", segment.RootElement.GetProperty("seedCode").GetString());
        Assert.Equal(50, segment.RootElement.GetProperty("sampleCount").GetInt32());
        Assert.Equal(Enumerable.Range(1, 50), segment.RootElement.GetProperty("samples").EnumerateArray().Select(s => s.GetInt32()));
    }

    [Fact]
    public async Task Should_list_the_segments_of_a_file_with_gaps()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var process = await Inspect(environment, Path.Combine(RepositoryPaths.SharedData, "obspy", "mseed", "gaps.mseed"));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("4 segments", process.Output);
    }

    [Fact]
    public async Task Should_name_the_bad_record_of_a_corrupt_file_and_exit_non_zero()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var file = Path.Combine(RepositoryPaths.SharedData, "libmseed-test", "v2.19.8", "data", "invalid-blockette-offset.mseed");

        await using var process = await Inspect(environment, file);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("offset", process.Output);
    }

    [Fact]
    public async Task Should_say_when_the_file_does_not_exist()
    {
        using var environment = WorkerEnvironment.WithoutBroker();

        await using var process = await Inspect(environment, Path.Combine(environment.Folder, "missing.mseed"));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("no such file", process.Output);
    }
}
