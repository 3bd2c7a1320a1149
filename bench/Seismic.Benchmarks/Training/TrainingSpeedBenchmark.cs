using System.Diagnostics;
using System.Globalization;
using Seismic.Configuration;
using Seismic.Training.Models;
using Seismic.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace Seismic.Benchmarks.Training;

/// <summary>
/// Training speed, samples per second, of each architecture on CPU with a fixed number of torch threads (2 by
/// default): the real window (config/seismic.yaml, 9601 × 3), the configured batch size, the hyperparameters of
/// config/models/&lt;architecture&gt;.yaml, and <see cref="TrainingStep"/> as TrainingRun uses it (forward in
/// training mode, masked two-head loss plus L2 penalty, backward, AdamW). Warm-up steps first, then timed steps
/// until the count or the time cap is reached. The same CNN-dense network, batch, loss and optimizer then run in
/// PyTorch (bench/pytorch/cnn_dense_train.py) in a separate process with the same thread count, and the ratio
/// TorchSharp / PyTorch is printed. One fixed random batch is reused every step on both sides, so data loading,
/// augmentation and scaling are left out: this is the cost of the step alone.
/// </summary>
internal static class TrainingSpeedBenchmark
{
    private sealed record Options(
        int Threads,
        int Steps,
        int WarmupSteps,
        int AlexNetSteps,
        int AlexNetWarmupSteps,
        int AlexNetBatch,
        int? Batch,
        double MaxSeconds,
        IReadOnlyList<string> Architectures,
        bool PyTorch);

    /// <summary>Timed steps of one architecture; CpuSeconds is the process's processor time over them (all threads, user + system).</summary>
    private sealed record Measurement(string Architecture, long Parameters, int Batch, int Warmup, int Steps, double Seconds, double CpuSeconds, double LastLoss)
    {
        public double SamplesPerSecond => Steps * Batch / Seconds;
    }

    /// <summary>
    /// AlexNet-1D's batch unless --alexnet-batch says otherwise: at the configured 128 one step takes minutes on two
    /// cores (about 2.2 GFLOP per window forward, three times that with backward), so the default measures 16.
    /// </summary>
    private const int DefaultAlexNetBatch = 16;

    private const string Usage =
        "training [--threads 2] [--steps 5] [--warmup 1] [--alexnet-steps 2] [--alexnet-warmup 1] [--alexnet-batch 16] " +
        "[--batch N] [--max-seconds 120] [--architectures alexnet,cnn_dense,compact] [--no-pytorch]";

    public static int Run(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
        {
            Console.Error.WriteLine($"{e.Message}\nusage: {Usage}");
            return 2;
        }

        var settingsPath = Path.Combine(BenchmarkPaths.RepositoryRoot, "config", "seismic.yaml");
        var settings = SettingsLoader.Load(settingsPath);
        var windowSamples = settings.Window.SamplesPerWindow;
        var configuredBatch = settings.Optimizer.BatchSize;

        torch.set_num_threads(options.Threads);
        Console.WriteLine($"Training speed on CPU: {torch.get_num_threads()} torch threads, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, " +
                          $"TorchSharp {typeof(torch).Assembly.GetName().Version}");
        Console.WriteLine($"window {windowSamples} x {TwoHeadNetwork.Channels} (config/seismic.yaml), configured batch {configuredBatch}; " +
                          $"a step = forward (train mode) + two-head loss + L2 penalty + backward + AdamW; one fixed random batch reused");
        Console.WriteLine($"timed: {options.Steps} steps after {options.WarmupSteps} warm-up (alexnet: {options.AlexNetSteps} after {options.AlexNetWarmupSteps}, " +
                          $"batch {options.AlexNetBatch}{(options.AlexNetBatch < configuredBatch ? ", smaller than configured: its steps take minutes on 2 cores" : "")}), " +
                          $"timing stops after the first step past {options.MaxSeconds:F0} s");
        Console.WriteLine();
        Console.WriteLine($"{"architecture",-12} {"parameters",12} {"batch",6} {"warm-up",8} {"steps",6} {"s/step",9} {"cpu s/step",10} {"samples/s",10} {"last loss",10}");

        var results = new Dictionary<string, Measurement>();
        foreach (var architecture in options.Architectures)
        {
            var isAlexNet = architecture == "alexnet";
            var batch = isAlexNet ? options.AlexNetBatch : options.Batch ?? configuredBatch;
            var hyperparameters = ModelHyperparametersLoader.Load(Path.Combine(BenchmarkPaths.RepositoryRoot, "config", "models", architecture + ".yaml"));
            var measurement = Measure(architecture, hyperparameters, windowSamples, batch,
                isAlexNet ? options.AlexNetWarmupSteps : options.WarmupSteps,
                isAlexNet ? options.AlexNetSteps : options.Steps,
                options.MaxSeconds);
            results[architecture] = measurement;
            Console.WriteLine($"{architecture,-12} {measurement.Parameters,12:N0} {measurement.Batch,6} {measurement.Warmup,8} {measurement.Steps,6} " +
                              $"{Fixed(measurement.Seconds / measurement.Steps, 3),9} {Fixed(measurement.CpuSeconds / measurement.Steps, 3),10} " +
                              $"{Fixed(measurement.SamplesPerSecond, 1),10} {Fixed(measurement.LastLoss, 4),10}");
        }

        if (!options.PyTorch)
            return 0;
        Console.WriteLine();
        var reference = PyTorchReference.TryFind(out var unavailable);
        if (reference is null)
        {
            Console.WriteLine($"PyTorch reference: UNAVAILABLE ({unavailable}); only TorchSharp's figures are shown.");
            return 0;
        }
        Console.WriteLine($"PyTorch reference: {reference.Description}");
        var hp = (CnnDenseHyperparameters)ModelHyperparametersLoader.Load(Path.Combine(BenchmarkPaths.RepositoryRoot, "config", "models", "cnn_dense.yaml"));
        if (hp.Activation != Activation.Relu || hp.PoolType != PoolType.Max)
        {
            Console.WriteLine($"PyTorch reference: skipped, the script builds relu/max-pool blocks and cnn_dense.yaml asks for {hp.Activation}/{hp.PoolType}");
            return 0;
        }
        var ours = results.GetValueOrDefault("cnn_dense")
                   ?? Measure("cnn_dense", hp, windowSamples, options.Batch ?? configuredBatch, options.WarmupSteps, options.Steps, options.MaxSeconds);
        var figures = reference.Run(
        [
            "--window", Invariant(windowSamples),
            "--batch", Invariant(ours.Batch),
            "--steps", Invariant(ours.Steps),
            "--warmup", Invariant(ours.Warmup),
            // The same number of timed steps as TorchSharp's unless PyTorch is far slower.
            "--max-seconds", Invariant(3 * options.MaxSeconds),
            "--threads", Invariant(options.Threads),
            "--filters", string.Join(',', hp.Filters),
            "--kernels", string.Join(',', hp.KernelSizes),
            "--dense", string.Join(',', hp.DenseUnits),
            "--dropout", Invariant(hp.Dropout),
            "--l2", Invariant(hp.L2),
        ], out var failure);
        if (figures is null)
        {
            Console.WriteLine($"PyTorch reference: FAILED ({failure})");
            return 1;
        }
        var theirParameters = (long)PyTorchReference.Number(figures, "parameters");
        var theirSteps = (int)PyTorchReference.Number(figures, "steps");
        var theirRate = PyTorchReference.Number(figures, "samples_per_second");
        var theirSeconds = PyTorchReference.Number(figures, "seconds");
        var theirCpuSeconds = PyTorchReference.Number(figures, "cpu_seconds");
        Console.WriteLine($"{"cnn_dense",-12} {"parameters",12} {"batch",6} {"warm-up",8} {"steps",6} {"s/step",9} {"cpu s/step",10} {"samples/s",10} {"threads",8}");
        Console.WriteLine($"{"TorchSharp",-12} {ours.Parameters,12:N0} {ours.Batch,6} {ours.Warmup,8} {ours.Steps,6} {Fixed(ours.Seconds / ours.Steps, 3),9} " +
                          $"{Fixed(ours.CpuSeconds / ours.Steps, 3),10} {Fixed(ours.SamplesPerSecond, 1),10} {options.Threads,8}");
        Console.WriteLine($"{"PyTorch",-12} {theirParameters,12:N0} {ours.Batch,6} {ours.Warmup,8} {theirSteps,6} {Fixed(theirSeconds / theirSteps, 3),9} " +
                          $"{Fixed(theirCpuSeconds / theirSteps, 3),10} {Fixed(theirRate, 1),10} {figures.GetValueOrDefault("threads", "?"),8}");
        Console.WriteLine();
        Console.WriteLine($"ratio TorchSharp / PyTorch (samples/s): {Fixed(ours.SamplesPerSecond / theirRate, 2)}x; " +
                          $"per CPU second (less sensitive to other load on the machine): {Fixed(theirCpuSeconds / theirSteps / (ours.CpuSeconds / ours.Steps), 2)}x");
        if (theirParameters != ours.Parameters)
        {
            Console.WriteLine($"PARAMETER COUNT MISMATCH: TorchSharp {ours.Parameters:N0}, PyTorch {theirParameters:N0}: the two networks differ, the ratio means nothing");
            return 1;
        }
        Console.WriteLine("parameter counts equal: the same network on both sides");
        return 0;
    }

    private static Measurement Measure(string architecture, ModelHyperparameters hyperparameters, int windowSamples, int batch, int warmup, int steps, double maxSeconds)
    {
        using var network = NetworkFactory.Create(hyperparameters, windowSamples, seed: 42);
        var notFloat32 = network.parameters().Where(p => p.dtype != ScalarType.Float32).Select(p => p.dtype).Distinct().ToList();
        if (notFloat32.Count > 0)
            throw new InvalidOperationException($"{architecture} has parameters of type {string.Join(", ", notFloat32)}, not float32");

        using var generator = new Generator(7);
        using var windows = randn([batch, windowSamples, TwoHeadNetwork.Channels], generator: generator);
        using var detectorLabels = randint(0, 2, [batch, 1], generator: generator).to_type(ScalarType.Float32);
        using var classifierLabels = randint(0, 2, [batch, 1], generator: generator).to_type(ScalarType.Float32);
        using var step = new TrainingStep(network, new TrainingOptions());

        for (var i = 0; i < warmup; i++)
            step.Run(windows, detectorLabels, classifierLabels);
        var done = 0;
        var lastLoss = double.NaN;
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (done < steps)
        {
            lastLoss = step.Run(windows, detectorLabels, classifierLabels).Total;
            done++;
            if (clock.Elapsed.TotalSeconds >= maxSeconds)
                break;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        return new Measurement(architecture, network.TrainableParameterCount(), batch, warmup, done, seconds, cpuSeconds, lastLoss);
    }

    private static Options Parse(string[] args)
    {
        var options = new Options(
            Threads: 2, Steps: 5, WarmupSteps: 1, AlexNetSteps: 2, AlexNetWarmupSteps: 1, AlexNetBatch: DefaultAlexNetBatch, Batch: null,
            MaxSeconds: 120, Architectures: ["alexnet", "cnn_dense", "compact"], PyTorch: true);
        for (var i = 0; i < args.Length; i++)
        {
            int Int() => Positive(int.Parse(args[++i], CultureInfo.InvariantCulture), args[i - 1]);
            options = args[i] switch
            {
                "--threads" => options with { Threads = Int() },
                "--steps" => options with { Steps = Int() },
                "--warmup" => options with { WarmupSteps = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--alexnet-steps" => options with { AlexNetSteps = Int() },
                "--alexnet-warmup" => options with { AlexNetWarmupSteps = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--alexnet-batch" => options with { AlexNetBatch = Int() },
                "--batch" => options with { Batch = Int() },
                "--max-seconds" => options with { MaxSeconds = double.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--architectures" => options with { Architectures = Architectures(args[++i]) },
                "--no-pytorch" => options with { PyTorch = false },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (options.WarmupSteps < 0 || options.AlexNetWarmupSteps < 0)
            throw new ArgumentException("warm-up steps must not be negative");
        return options;
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new ArgumentException($"{option} must be positive, got {value}");

    private static List<string> Architectures(string list)
    {
        var known = new[] { "alexnet", "cnn_dense", "compact" };
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant()).ToList();
        var unknown = names.Where(n => !known.Contains(n)).ToList();
        return unknown.Count == 0 && names.Count > 0
            ? names
            : throw new ArgumentException($"unknown architecture(s) {string.Join(", ", unknown)}; known: {string.Join(", ", known)}");
    }

    private static string Fixed(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
