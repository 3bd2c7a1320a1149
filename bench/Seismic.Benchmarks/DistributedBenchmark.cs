using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Seismic.Benchmarks;

/// <summary>
/// The simulated ARCES day of <see cref="PipelineBenchmark"/> through the five worker processes of
/// deploy/local/up.sh over a private RabbitMQ, followed by `seismic backfill --rabbitmq`: wall time in total, the
/// real-time factor, and per stage its CPU seconds (from /proc, summed over its instances) and when it handled its
/// last segment; then the same with two classifier processes competing for their queue. Each run starts from a new
/// run folder and empty reports, and stops what it started. Goal: a day in 60 s or less with the compact network on
/// two cores.
/// </summary>
internal static partial class DistributedBenchmark
{
    private static readonly string[] Stages = ["ingest", "beamformer", "classifier", "reporter", "trainer"];

    public static int Run(string[] args)
    {
        var architectures = args.Length > 0 ? args : ["compact", "cnn_dense"];
        var folder = Path.Combine(BenchmarkPaths.RepositoryRoot, "artifacts", "bench", "pipeline");
        var scenario = PipelineBenchmark.SimulatedDay(folder);
        if (BenchmarkPaths.BuiltCli() is not { } cli)
            return 2;

        var results = new List<string>();
        foreach (var architecture in architectures)
        {
            var config = PipelineBenchmark.PrepareSettings(folder, architecture);
            foreach (var classifiers in new[] { 1, 2 })
            {
                var run = Path.Combine(folder, $"run-{architecture}-{classifiers}");
                var reports = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(config)!, "..", "output", "reports"));
                foreach (var stale in new[] { run, reports })
                {
                    if (Directory.Exists(stale))
                        Directory.Delete(stale, recursive: true);
                }
                Console.WriteLine($"== {architecture}, {classifiers} classifier process{(classifiers > 1 ? "es" : "")}: deploy/local/up.sh, then `seismic backfill --rabbitmq` of one day, {Environment.ProcessorCount} cores");
                var environment = new Dictionary<string, string>
                {
                    ["SEISMIC_CONFIG"] = config,
                    ["SEISMIC_LOCAL_AMQP_PORT"] = "35850",
                    ["SEISMIC_LOCAL_HTTP_PORT"] = "0",
                };
                var (upExit, upOutput) = Script("up.sh", [run, $"classifier={classifiers}"], environment);
                if (upExit != 0)
                {
                    Console.Error.WriteLine(upOutput);
                    Script("down.sh", [run], environment);
                    return 1;
                }
                try
                {
                    var instances = Directory.GetFiles(Path.Combine(run, "pids"), "*.pid").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();
                    var cpuBefore = instances.ToDictionary(i => i, i => CpuSeconds(Pid(run, i)));
                    var uri = File.ReadAllLines(Path.Combine(run, "seismic.env")).Single(l => l.Contains("Seismic__Bus__RabbitMq__Uri=", StringComparison.Ordinal)).Split('=', 2)[1];
                    var started = DateTime.Now;
                    var clock = Stopwatch.StartNew();
                    var (exit, output) = ExternalProcess.Run("dotnet",
                    [
                        cli, "backfill", "--rabbitmq", uri, "--config", config,
                        "--start", PipelineBenchmark.DayUtc.ToString("O"), "--end", PipelineBenchmark.DayUtc.AddDays(1).ToString("O"),
                        "--source", "sds://" + scenario.ArchivePath, "--inventory", scenario.InventoryPath,
                    ]);
                    var wall = clock.Elapsed;
                    foreach (var line in output.Split('\n').Where(l => l.StartsWith("Backfill ", StringComparison.Ordinal) || l.StartsWith("  ", StringComparison.Ordinal)))
                        Console.WriteLine(line);
                    if (exit != 0)
                    {
                        Console.Error.WriteLine($"backfill exit {exit}:{Environment.NewLine}{output}");
                        return 1;
                    }

                    Console.WriteLine("  per stage (CPU seconds summed over its processes; last work done, seconds after the backfill was sent, from its log):");
                    foreach (var stage in Stages)
                    {
                        var mine = instances.Where(i => i == stage || i.StartsWith(stage + "-", StringComparison.Ordinal)).ToList();
                        var cpu = mine.Sum(i => CpuSeconds(Pid(run, i)) - cpuBefore[i]);
                        var last = mine.Select(i => LastWorkLine(File.ReadAllText(Path.Combine(run, "logs", i + ".log")), started)).Max();
                        var perInstance = mine.Count > 1 ? " (" + string.Join(", ", mine.Select(i => $"{i} {WorkLines(File.ReadAllText(Path.Combine(run, "logs", i + ".log")))} segments")) + ")" : "";
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"    {stage,-11} CPU {cpu,6:F1} s{(last is { } s ? $", last work at {s,5:F0} s" : "")}{perInstance}"));
                    }
                    var summary = string.Create(CultureInfo.InvariantCulture,
                        $"{architecture}, {classifiers} classifier{(classifiers > 1 ? "s" : "")}: {wall.TotalSeconds:F1} s for the day (backfill sent to last row), {TimeSpan.FromDays(1) / wall:F0} x real time");
                    Console.WriteLine(summary);
                    results.Add(summary);
                }
                finally
                {
                    Script("down.sh", [run], environment);
                }
            }
        }
        Console.WriteLine("== summary");
        foreach (var line in results)
            Console.WriteLine(line);
        return 0;
    }

    private static (int Exit, string Output) Script(string name, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        ExternalProcess.Run("bash", [Path.Combine(BenchmarkPaths.RepositoryRoot, "deploy", "local", name), .. arguments], environment);

    private static int Pid(string run, string instance) =>
        int.Parse(File.ReadAllText(Path.Combine(run, "pids", instance + ".pid")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>User plus system CPU time of a process, seconds (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static int WorkLines(string log) => WorkLine().Matches(log).Count;

    /// <summary>Seconds from <paramref name="started"/> to the last per-segment log line (the log's clock has whole seconds); null when none.</summary>
    private static double? LastWorkLine(string log, DateTime started)
    {
        var last = WorkLine().Matches(log).LastOrDefault();
        if (last is null)
            return null;
        var time = started.Date + TimeSpan.ParseExact(last.Groups["time"].Value, @"hh\:mm\:ss", CultureInfo.InvariantCulture);
        if (time < started.AddSeconds(-1))
            time = time.AddDays(1);
        return (time - started).TotalSeconds;
    }

    /// <summary>
    /// A worker's line for a piece of work done: the beamformer's and classifier's one per segment ("Segment ID: ..."),
    /// ingest's end of a backfill's reading ("Backfill ID read: ...") and the reporter's day pictures ("Day DATE: ...").
    /// </summary>
    [GeneratedRegex(@"^\[(?<time>\d\d:\d\d:\d\d) \w+\] [\w-]+: (Segment \S+:|Backfill \S+ read:|Day \d{4}-\d\d-\d\d:)", RegexOptions.Multiline)]
    private static partial Regex WorkLine();
}
