using System.Diagnostics;
using System.Globalization;

namespace Seismic.Benchmarks;

/// <summary>
/// Live latency: the pipeline benchmark's simulated day replayed by `seismic seedlink serve` at 60 times real
/// time into `seismic run --live`, for a few hours of data. For each segment, the time from its last record
/// arriving (or its deadline passing) to its rows in windows.csv and events.csv: median, 99th percentile and
/// maximum, as `seismic run` prints them when it stops. Goal: median at most 1 s on two cores.
/// </summary>
internal static class LiveBenchmark
{
    public static int Run(string[] args)
    {
        var hours = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        const double speed = 60;
        var folder = Path.Combine(BenchmarkPaths.RepositoryRoot, "artifacts", "bench", "pipeline");
        var scenario = PipelineBenchmark.SimulatedDay(folder);
        if (BenchmarkPaths.BuiltCli() is not { } cli)
            return 2;

        var config = PipelineBenchmark.PrepareSettings(folder, "compact");
        var live = Path.Combine(folder, "live");
        if (Directory.Exists(live))
            Directory.Delete(live, recursive: true);
        Directory.CreateDirectory(live);
        var settings = File.ReadAllLines(config).Select(line => line switch
        {
            _ when line.StartsWith("  inventory_path:", StringComparison.Ordinal) => $"  inventory_path: {scenario.InventoryPath}",
            _ when line.StartsWith("  reports_dir:", StringComparison.Ordinal) => $"  reports_dir: {Path.Combine(live, "reports")}",
            _ when line.StartsWith("  live_state_path:", StringComparison.Ordinal) => $"  live_state_path: {Path.Combine(live, "seedlink.state")}",
            _ => line,
        });
        File.WriteAllLines(config, settings);

        const int port = 18761;
        Console.WriteLine($"== live: {hours:G} h of {PipelineBenchmark.DayUtc:yyyy-MM-dd} replayed at {speed:G} x real time into `seismic run --live`, {Environment.ProcessorCount} cores");
        using var server = Start(cli, "seedlink", "serve", "--archive", "sds://" + scenario.ArchivePath, "--speed", speed.ToString(CultureInfo.InvariantCulture), "--port", port.ToString(CultureInfo.InvariantCulture));
        Thread.Sleep(TimeSpan.FromSeconds(5));
        var csv = Path.Combine(live, "latency.csv");
        using var run = Start(cli, "run", "--config", config, "--live", $"seedlink://127.0.0.1:{port}", "--latency-csv", csv);
        var output = new List<string>();
        run.OutputDataReceived += (_, line) => { if (line.Data is { } text) lock (output) output.Add(text); };
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();
        Thread.Sleep(TimeSpan.FromHours(hours / speed) + TimeSpan.FromSeconds(20));

        Interrupt(run);
        run.WaitForExit(TimeSpan.FromSeconds(30));
        Interrupt(server);
        server.WaitForExit(TimeSpan.FromSeconds(10));
        lock (output)
        {
            foreach (var line in output.Where(l => l.StartsWith("Live latency", StringComparison.Ordinal) || l.StartsWith("Per-segment", StringComparison.Ordinal)))
                Console.WriteLine(line);
            if (!output.Any(l => l.StartsWith("Live latency", StringComparison.Ordinal)))
            {
                Console.Error.WriteLine("No segment was reported; the run's output:");
                Console.Error.WriteLine(string.Join(Environment.NewLine, output.TakeLast(40)));
                return 1;
            }
        }
        return 0;
    }

    private static Process Start(string cli, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>SIGINT, as Ctrl-C: both commands stop cleanly on it and `seismic run` then prints its latency summary.</summary>
    private static void Interrupt(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
