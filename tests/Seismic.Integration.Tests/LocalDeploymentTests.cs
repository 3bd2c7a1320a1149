using System.Globalization;

namespace Seismic.Integration.Tests;

/// <summary>
/// deploy/local/up.sh and down.sh as an operator runs them: a private broker and the five workers as their own
/// processes under one run folder, a backfill sent to them from another process, and down.sh stopping exactly
/// what up.sh started. Needs rabbitmq-server installed (the test command installs it). In the broker collection,
/// which runs alone: its six processes beside the timing-sensitive live tests made those miss their first segment.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class LocalDeploymentTests(SimulatedHour hour) : IClassFixture<SimulatedHour>
{
    private string Start => SimulatedHour.StartUtc.AddMinutes(5).ToString("O", CultureInfo.InvariantCulture);

    private string End => SimulatedHour.StartUtc.AddMinutes(55).ToString("O", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Should_backfill_through_five_worker_processes_as_in_one_process_and_stop_exactly_what_it_started()
    {
        using var inProcess = WorkerEnvironment.WithoutBroker();
        await BackfillCommandTests.ImportModel(inProcess);
        await using (var reference = inProcess.Start("cli", "backfill", "--start", Start, "--end", End, "--source", "sds://" + hour.ArchivePath, "--inventory", hour.InventoryPath))
        {
            Assert.True(await reference.WaitForExit(TimeSpan.FromMinutes(3)), reference.Output);
            Assert.True(reference.ExitCode == 0, reference.Output);
        }

        using var deployed = WorkerEnvironment.WithoutBroker();
        await BackfillCommandTests.ImportModel(deployed);
        var deployment = await LocalDeployment.Up(deployed);
        var pids = new List<int>();
        try
        {
            foreach (var worker in LocalDeployment.Workers)
            {
                var pid = deployment.Pid(worker);
                Assert.True(LocalDeployment.IsRunning(pid), $"{worker} (pid {pid}) is not running after up.sh");
                pids.Add(pid);
            }
            var uri = deployment.BrokerUri;
            Assert.DoesNotContain("guest", uri, StringComparison.Ordinal);

            // up.sh again leaves what runs alone.
            var again = await deployment.UpAgain();
            Assert.All(LocalDeployment.Workers, worker => Assert.Contains($"{worker} already runs", again, StringComparison.Ordinal));
            Assert.Equal(pids, LocalDeployment.Workers.Select(deployment.Pid));

            await using var backfill = deployed.Start("cli", "backfill", "--rabbitmq", uri, "--start", Start, "--end", End,
                "--source", "sds://" + hour.ArchivePath, "--inventory", hour.InventoryPath);
            Assert.True(await backfill.WaitForExit(TimeSpan.FromMinutes(3)), backfill.Output);
            Assert.True(backfill.ExitCode == 0, backfill.Output + deployment.Logs());

            // The five processes reported the events the one process did, row for row.
            var expected = BackfillCommandTests.EventRows(inProcess);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, BackfillCommandTests.EventRows(deployed));
            Assert.Equal(inProcess.ReportLines("windows.csv").Count, deployed.ReportLines("windows.csv").Count);
        }
        finally
        {
            var (downExit, downOutput) = await deployment.Down();
            Assert.True(downExit == 0, downOutput);
            Assert.All(pids, pid => Assert.False(LocalDeployment.IsRunning(pid), $"pid {pid} still runs after down.sh:{Environment.NewLine}{downOutput}"));
            Assert.False(LocalDeployment.PortAnswers(deployment.Port), $"the broker still answers on {deployment.Port} after down.sh:{Environment.NewLine}{downOutput}");
            Assert.Empty(Directory.GetFiles(Path.Combine(deployment.RunDir, "pids")));
            Assert.All(LocalDeployment.Workers, worker => Assert.True(File.Exists(Path.Combine(deployment.RunDir, "logs", worker + ".log"))));
        }
    }
}
