using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Seismic.Integration.Tests;

/// <summary>
/// Seismic deployed by deploy/local/up.sh for one test: a private broker on a free port and the worker processes,
/// under a run folder inside the test's <see cref="WorkerEnvironment"/>, with its settings file. What an operator
/// does to it (kill a worker, run up.sh again, restart the broker, down.sh) is a method here.
/// </summary>
internal sealed class LocalDeployment : IAsyncDisposable
{
    public static readonly string[] Workers = ["ingest", "beamformer", "classifier", "trainer", "reporter"];

    private readonly IReadOnlyDictionary<string, string> _scriptEnvironment;
    private bool _down;

    private LocalDeployment(string runDir, int port, IReadOnlyDictionary<string, string> scriptEnvironment)
    {
        RunDir = runDir;
        Port = port;
        _scriptEnvironment = scriptEnvironment;
    }

    public string RunDir { get; }

    /// <summary>The broker's AMQP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The broker URI with this deployment's own account, as up.sh wrote it to seismic.env.</summary>
    public string BrokerUri => File.ReadAllLines(Path.Combine(RunDir, "seismic.env"))
        .Single(line => line.Contains("Seismic__Bus__RabbitMq__Uri=", StringComparison.Ordinal)).Split('=', 2)[1];

    /// <summary>The claim-check folder the workers share.</summary>
    public string MessageDataPath => Path.Combine(RunDir, "message-data");

    /// <summary>Runs up.sh (with instance counts such as "classifier=2") and fails the test if it fails.</summary>
    public static async Task<LocalDeployment> Up(WorkerEnvironment environment, params string[] scale)
    {
        var port = FreeBrokerPort();
        var deployment = new LocalDeployment(Path.Combine(environment.Folder, "run"), port, new Dictionary<string, string>
        {
            ["SEISMIC_CONFIG"] = environment.ConfigFile,
            ["SEISMIC_LOCAL_AMQP_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            // Each worker takes a free HTTP port: a test must not depend on 35810-35824 being free.
            ["SEISMIC_LOCAL_HTTP_PORT"] = "0",
        });
        await deployment.UpAgain(scale);
        return deployment;
    }

    /// <summary>up.sh on the same run folder: starts what does not run (and the broker if it stopped); returns its output.</summary>
    public async Task<string> UpAgain(params string[] scale)
    {
        var (exit, output) = await Script("up.sh", TimeSpan.FromMinutes(4), scale);
        Assert.True(exit == 0, output + Logs());
        return output;
    }

    /// <summary>The pid of a running instance ("classifier", "classifier-2"), from its pid file.</summary>
    public int Pid(string instance) =>
        int.Parse(File.ReadAllText(Path.Combine(RunDir, "pids", instance + ".pid")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>SIGKILL, as the kernel's OOM killer or a pulled plug would: no shutdown, nothing acknowledged.</summary>
    public async Task Kill(string instance)
    {
        var pid = Pid(instance);
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        Assert.False(IsRunning(pid), $"{instance} (pid {pid}) still runs after SIGKILL");
    }

    /// <summary>The instance's log so far.</summary>
    public string Log(string instance)
    {
        var path = Path.Combine(RunDir, "logs", instance + ".log");
        if (!File.Exists(path))
            return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Stops the broker as an operator would (rabbitmqctl shutdown) and starts it again on the same data.</summary>
    public async Task RestartBroker()
    {
        var (stopExit, stopOutput) = await Broker("stop");
        Assert.True(stopExit == 0, stopOutput);
        Assert.False(PortAnswers(Port), $"the broker still answers on {Port} after stop:{Environment.NewLine}{stopOutput}");
        var (startExit, startOutput) = await Broker("start");
        Assert.True(startExit == 0, startOutput);
    }

    /// <summary>The last lines of every worker instance's log, for a failure message.</summary>
    public string Logs() => string.Concat(
        (Directory.Exists(Path.Combine(RunDir, "logs")) ? Directory.GetFiles(Path.Combine(RunDir, "logs"), "*.log") : [])
        .Order(StringComparer.Ordinal)
        .Select(path => $"{Environment.NewLine}--- {Path.GetFileNameWithoutExtension(path)}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, Log(Path.GetFileNameWithoutExtension(path)).Split('\n').TakeLast(15))));

    /// <summary>down.sh; returns its output and the pids that were running before it.</summary>
    public async Task<(int Exit, string Output)> Down()
    {
        _down = true;
        return await Script("down.sh", TimeSpan.FromMinutes(3));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_down)
            await Down();
    }

    public static bool IsRunning(int pid)
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

    public static bool PortAnswers(int port)
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

    private Task<(int Exit, string Output)> Script(string name, TimeSpan timeout, params string[] arguments) =>
        Bash(Path.Combine(RepositoryLayout.Root, "deploy", "local", name), [RunDir, .. arguments], _scriptEnvironment, timeout);

    /// <summary>scripts/rabbitmq.sh with this deployment's broker.env, as down.sh uses it.</summary>
    private Task<(int Exit, string Output)> Broker(string command) =>
        Bash("-c", [$"source '{Path.Combine(RunDir, "broker.env")}' && '{Path.Combine(RepositoryLayout.Root, "scripts", "rabbitmq.sh")}' {command}"],
            _scriptEnvironment, TimeSpan.FromMinutes(3));

    private static async Task<(int Exit, string Output)> Bash(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await error);
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
}
