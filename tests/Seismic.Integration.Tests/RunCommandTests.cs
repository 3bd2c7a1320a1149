namespace Seismic.Integration.Tests;

/// <summary>`seismic run`: all five workers in one process on the in-memory bus; Ctrl-C ends it cleanly.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Should_start_all_workers_in_one_process_and_exit_zero_on_ctrl_c_within_ten_seconds()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        await using var run = environment.Start("cli", "run");

        await run.WaitForOutput("Service is healthy", TimeSpan.FromSeconds(60));
        run.Interrupt();

        Assert.True(await run.WaitForExit(TimeSpan.FromSeconds(10)), $"seismic run did not stop within 10 s:{Environment.NewLine}{run.Output}");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("in-memory", run.Output);
    }
}
