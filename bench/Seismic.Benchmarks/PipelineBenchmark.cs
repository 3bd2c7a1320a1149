using System.Diagnostics;
using Seismic.Configuration;
using Seismic.Inference.Registry;
using Seismic.Simulation.Scenario;
using Seismic.Training.Export;
using Seismic.Training.Models;

namespace Seismic.Benchmarks;

/// <summary>
/// One simulated ARCES day through the whole pipeline in one process (`seismic backfill`, continuous detection):
/// wall time in total and per stage, and the real-time factor. The network's weights do not change its cost, so
/// an untrained network of the chosen architecture is registered: the figures hold for a trained one.
/// Goal: a day in 60 s or less (1,440 times real time) with the compact network on two cores.
/// </summary>
internal static class PipelineBenchmark
{
    internal static readonly DateTime DayUtc = new(2024, 3, 13, 0, 0, 0, DateTimeKind.Utc);

    public static int Run(string[] args)
    {
        var architectures = args.Length > 0 ? args : ["compact"];
        var folder = Path.Combine(BenchmarkPaths.RepositoryRoot, "artifacts", "bench", "pipeline");
        var scenario = SimulatedDay(folder);

        if (BenchmarkPaths.BuiltCli() is not { } cli)
            return 2;

        foreach (var architecture in architectures)
        {
            var config = PrepareSettings(folder, architecture);
            var reports = Path.Combine(folder, $"reports-{architecture}");
            if (Directory.Exists(reports))
                Directory.Delete(reports, recursive: true);
            Console.WriteLine($"== {architecture}: `seismic backfill` of one day, all workers in one process, {Environment.ProcessorCount} cores");
            var clock = Stopwatch.StartNew();
            var (exit, output) = ExternalProcess.Run("dotnet",
            [
                cli, "backfill", "--config", config,
                "--start", DayUtc.ToString("O"), "--end", DayUtc.AddDays(1).ToString("O"),
                "--source", "sds://" + scenario.ArchivePath, "--inventory", scenario.InventoryPath, "--out", reports,
            ]);
            var wall = clock.Elapsed;
            foreach (var line in output.Split('\n').Where(l => l.StartsWith("Backfill ", StringComparison.Ordinal) || l.StartsWith("  ", StringComparison.Ordinal)))
                Console.WriteLine(line);
            Console.WriteLine($"{architecture}: process wall time {wall.TotalSeconds:F1} s (start-up included), {TimeSpan.FromDays(1) / wall:F0} x real time; exit {exit}");
        }
        return 0;
    }

    /// <summary>The benchmarks' simulated day (seed 7, earthquakes at 4 times the bulletin's rate), made once in <paramref name="folder"/>/scenario.</summary>
    internal static SimulationOutput SimulatedDay(string folder)
    {
        var scenario = new SimulationOutput(Path.Combine(folder, "scenario"));
        if (!File.Exists(scenario.CatalogPath))
        {
            Console.WriteLine($"Simulating {DayUtc:yyyy-MM-dd} at ARCES (seed 7) into {scenario.Folder} ...");
            SimulationRun.Write(new ScenarioOptions { StartUtc = DayUtc, Duration = TimeSpan.FromDays(1), Seed = 7, EarthquakeRateMultiplier = 4 }, scenario.Folder);
        }
        return scenario;
    }

    /// <summary>A copy of the shipped settings whose model is an untrained network of <paramref name="architecture"/>, registered in the benchmark's own folder.</summary>
    internal static string PrepareSettings(string folder, string architecture)
    {
        var shipped = Path.Combine(BenchmarkPaths.RepositoryRoot, "config");
        var config = Path.Combine(folder, $"config-{architecture}");
        foreach (var file in Directory.EnumerateFiles(shipped, "*.yaml", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(config, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
        var settingsPath = Path.Combine(config, "seismic.yaml");
        var name = $"bench-{architecture.Replace('_', '-')}";
        File.WriteAllText(settingsPath, File.ReadAllText(settingsPath).Replace("  name: arces-compact", $"  name: {name}", StringComparison.Ordinal));
        var settings = SettingsLoader.Load(settingsPath);

        var registry = new ModelRegistry(settings.Paths.ModelsDir);
        if (!registry.List().Any(m => m.Card.Name == name))
        {
            var kind = Enum.Parse<ModelArchitecture>(architecture.Replace("_", ""), ignoreCase: true);
            var hyperparameters = ModelHyperparametersLoader.Load(ModelHyperparametersLoader.DefaultPath(settingsPath, kind));
            using var network = NetworkFactory.Create(hyperparameters, settings.Window.SamplesPerWindow, seed: 1);
            network.eval();
            var onnx = Path.Combine(folder, $"{name}.onnx");
            OnnxExporter.Save(network, onnx);
            registry.Register(new ModelCard
            {
                Name = name,
                Version = 0,
                Architecture = architecture,
                CreatedUtc = DateTime.UtcNow,
                WindowSamples = settings.Window.SamplesPerWindow,
                SampleRateHz = settings.Window.SampleRateHz,
                Channels = ["P-beam, vertical", "S-beam, transverse", "S-beam, radial"],
                Scaler = ScalerCard.From(settings.Scaling),
                DetectorThreshold = 0.5,
                ClassifierThreshold = 0.5,
                DetectorLabels = ModelCard.NoiseEventLabels,
                ClassifierLabels = ModelCard.EarthquakeExplosionLabels,
                OnnxSha256 = "",
            }, onnx);
        }
        return settingsPath;
    }
}
