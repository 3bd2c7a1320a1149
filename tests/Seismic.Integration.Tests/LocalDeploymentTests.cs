using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

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
    private static readonly string[] Workers = ["ingest", "beamformer", "classifier", "trainer", "reporter"];

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
        var runDir = Path.Combine(deployed.Folder, "run");
        var port = FreeBrokerPort();
        var script = new Dictionary<string, string>
        {
            ["SEISMIC_CONFIG"] = deployed.ConfigFile,
            ["SEISMIC_LOCAL_AMQP_PORT"] = port.ToString(CultureInfo.InvariantCulture),
        };
        var pids = new List<int>();
        try
        {
            var (upExit, upOutput) = await Bash(Path.Combine(RepositoryLayout.Root, "deploy", "local", "up.sh"), runDir, script, TimeSpan.FromMinutes(4));
            Assert.True(upExit == 0, upOutput);
            foreach (var worker in Workers)
            {
                var pid = int.Parse(File.ReadAllText(Path.Combine(runDir, "pids", worker + ".pid")).Trim(), CultureInfo.InvariantCulture);
                Assert.True(IsRunning(pid), $"{worker} (pid {pid}) is not running after up.sh:{Environment.NewLine}{upOutput}");
                pids.Add(pid);
            }
            var environment = File.ReadAllLines(Path.Combine(runDir, "seismic.env"));
            var uri = environment.Single(line => line.Contains("Seismic__Bus__RabbitMq__Uri=", StringComparison.Ordinal)).Split('=', 2)[1];
            Assert.DoesNotContain("guest", uri, StringComparison.Ordinal);

            await using var backfill = deployed.Start("cli", "backfill", "--rabbitmq", uri, "--start", Start, "--end", End,
                "--source", "sds://" + hour.ArchivePath, "--inventory", hour.InventoryPath);
            Assert.True(await backfill.WaitForExit(TimeSpan.FromMinutes(3)), backfill.Output);
            Assert.True(backfill.ExitCode == 0, backfill.Output + Logs(runDir));

            // The five processes reported the events the one process did, row for row.
            var expected = BackfillCommandTests.EventRows(inProcess);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, BackfillCommandTests.EventRows(deployed));
            Assert.Equal(inProcess.ReportLines("windows.csv").Count, deployed.ReportLines("windows.csv").Count);
        }
        finally
        {
            var (downExit, downOutput) = await Bash(Path.Combine(RepositoryLayout.Root, "deploy", "local", "down.sh"), runDir, script, TimeSpan.FromMinutes(3));
            Assert.True(downExit == 0, downOutput);
            Assert.All(pids, pid => Assert.False(IsRunning(pid), $"pid {pid} still runs after down.sh:{Environment.NewLine}{downOutput}"));
            Assert.False(PortAnswers(port), $"the broker still answers on {port} after down.sh:{Environment.NewLine}{downOutput}");
            Assert.Empty(Directory.GetFiles(Path.Combine(runDir, "pids")));
            Assert.All(Workers, worker => Assert.True(File.Exists(Path.Combine(runDir, "logs", worker + ".log"))));
        }
    }

    private static string Logs(string runDir) => string.Concat(Workers.Select(worker =>
    {
        var path = Path.Combine(runDir, "logs", worker + ".log");
        return File.Exists(path) ? $"{Environment.NewLine}--- {worker}:{Environment.NewLine}{string.Join(Environment.NewLine, File.ReadLines(path).TakeLast(15))}" : "";
    }));

    private static async Task<(int Exit, string Output)> Bash(string script, string runDir, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(runDir);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await error);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A free AMQP port whose broker's other ports (distribution +20000, epmd -1303, as scripts/rabbitmq.sh derives them) are free too.</summary>
    private static int FreeBrokerPort()
    {
        var random = new Random();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = random.Next(36000, 44000);
            if (new[] { port, port + 20000, port - 1303 }.All(IsFree))
                return port;
        }
        throw new InvalidOperationException("no free port for the test broker");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool PortAnswers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
