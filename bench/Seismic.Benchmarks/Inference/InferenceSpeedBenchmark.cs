using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Seismic.Benchmarks.Training;
using Seismic.Configuration;
using Seismic.Inference.Onnx;
using Seismic.Inference.Voting;
using Seismic.Inference.Windows;
using Seismic.Training.Export;
using Seismic.Training.Models;
using static TorchSharp.torch;

namespace Seismic.Benchmarks.Inference;

/// <summary>
/// Inference speed, windows per second, of the compact and CNN-dense networks at batch 1 and 64: through the
/// classifier's own path (<see cref="ClassifierModel"/>, one segment, and two at once as the classifier takes them), through
/// ONNX Runtime sessions with other thread settings, and through PyTorch (bench/pytorch/inference.py) running the
/// same architecture with the same weights in the same run; the logits of the two are compared on the same windows,
/// so "the same weights" is checked, not assumed. Each network is built with seeded random weights (speed does not
/// depend on their values), exported to ONNX as the trainer does, and fed random windows of the real size
/// (config/seismic.yaml). A simulated day is 86 400 s / window.step_s windows: the last column says how long it
/// would take at that speed.
/// </summary>
internal static class InferenceSpeedBenchmark
{
    private sealed record Options(int Threads, double Seconds, IReadOnlyList<int> Batches, IReadOnlyList<string> Architectures, bool PyTorch);

    private const string Usage = "inference [--threads 2] [--seconds 5] [--batches 1,64] [--architectures compact,cnn_dense] [--no-pytorch]";

    /// <summary>Windows whose logits ONNX Runtime and PyTorch must agree on.</summary>
    private const int CheckWindows = 8;

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

        var settings = SettingsLoader.Load(Path.Combine(BenchmarkPaths.RepositoryRoot, "config", "seismic.yaml"));
        var windowSamples = settings.Window.SamplesPerWindow;
        var dayWindows = (int)(86400 / settings.Window.StepS);
        var whyNot = "--no-pytorch";
        var pytorch = options.PyTorch ? PyTorchReference.TryFind(out whyNot, "inference.py") : null;
        Console.WriteLine($"Inference speed on CPU: {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, ONNX Runtime {OrtEnv.Instance().GetVersionString()}");
        Console.WriteLine($"window {windowSamples} x {TwoHeadNetwork.Channels}; a simulated day = {dayWindows} windows (step {settings.Window.StepS:G} s); each figure timed for {options.Seconds:G} s after a warm-up run");
        Console.WriteLine(pytorch is null ? $"PyTorch reference: skipped ({whyNot})" : $"PyTorch reference: {pytorch.Description}, {options.Threads} threads");
        Console.WriteLine();
        Console.WriteLine($"{"architecture",-12} {"engine",-40} {"batch",6} {"windows/s",10} {"ms/window",10} {"day (s)",8}");

        var folder = Directory.CreateTempSubdirectory("seismic-bench-inference-").FullName;
        try
        {
            foreach (var architecture in options.Architectures)
                MeasureArchitecture(architecture, windowSamples, dayWindows, options, pytorch, folder);
            if (options.Architectures.Contains("compact"))
                MeasureSliding(settings, dayWindows, options, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static void MeasureArchitecture(string architecture, int windowSamples, int dayWindows, Options options, PyTorchReference? pytorch, string folder)
    {
        var hyperparameters = ModelHyperparametersLoader.Load(Path.Combine(BenchmarkPaths.RepositoryRoot, "config", "models", architecture + ".yaml"));
        var onnx = Path.Combine(folder, architecture + ".onnx");
        var manifest = Path.Combine(folder, architecture + ".json");

        var random = new Random(11);
        var maxBatch = Math.Max(options.Batches.Max(), CheckWindows);
        var windows = new float[maxBatch * windowSamples * TwoHeadNetwork.Channels];
        for (var i = 0; i < windows.Length; i++)
            windows[i] = (float)(random.NextDouble() * 2 - 1);

        using (var network = NetworkFactory.Create(hyperparameters, windowSamples, seed: 42))
        {
            Calibrate(network, windows, windowSamples);
            OnnxExporter.Save(network, onnx);
            WriteWeights(network, architecture, hyperparameters, windowSamples, folder, manifest);
        }

        void Row(string engine, int batch, double windowsPerSecond) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{architecture,-12} {engine,-40} {batch,6} {windowsPerSecond,10:F1} {1000 / windowsPerSecond,10:F2} {dayWindows / windowsPerSecond,8:F1}"));

        var results = new Dictionary<(string Engine, int Batch), double>();
        using (var model = ClassifierModel.Load(onnx, windowSamples))
        {
            foreach (var batch in options.Batches)
                Row("ClassifierModel, one segment", batch, Time(() => model.Predict(windows, batch), batch, options.Seconds));
            // As the classifier runs it: two segments at once (its endpoint's concurrency), one session each.
            using var second = ClassifierModel.Load(onnx, windowSamples);
            foreach (var batch in options.Batches)
            {
                var speed = TimeTogether([() => model.Predict(windows, batch), () => second.Predict(windows, batch)], batch, options.Seconds);
                results[("seismic", batch)] = speed;
                Row("Seismic classifier (2 segments at once)", batch, speed);
            }
        }
        foreach (var (name, sessionOptions) in SessionVariants(options.Threads))
        {
            using var session = new InferenceSession(onnx, sessionOptions);
            foreach (var batch in options.Batches)
                Row(name, batch, Time(() => RunSession(session, windows, batch, windowSamples), batch, options.Seconds));
            sessionOptions.Dispose();
        }

        if (pytorch is null)
            return;
        // ONNX Runtime's logits on the first windows, for the script to compare its own with.
        using (var session = new InferenceSession(onnx))
        {
            var logits = RunSession(session, windows, CheckWindows, windowSamples);
            File.WriteAllBytes(Path.Combine(folder, architecture + ".input"), MemoryMarshal.AsBytes(windows.AsSpan(0, CheckWindows * windowSamples * TwoHeadNetwork.Channels)).ToArray());
            File.WriteAllBytes(Path.Combine(folder, architecture + ".expected"), MemoryMarshal.AsBytes(logits.AsSpan()).ToArray());
        }
        var figures = pytorch.Run(
            ["--manifest", manifest, "--threads", options.Threads.ToString(CultureInfo.InvariantCulture),
             "--seconds", options.Seconds.ToString(CultureInfo.InvariantCulture), "--batches", string.Join(',', options.Batches)],
            out var failure, "architecture");
        if (figures is null)
        {
            Console.WriteLine($"{architecture,-12} PyTorch: failed ({failure})");
            return;
        }
        foreach (var batch in options.Batches)
        {
            var speed = PyTorchReference.Number(figures, $"batch{batch}");
            Row($"PyTorch {figures["torch"]} ({figures["threads"]} threads)", batch, speed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"",-12} {"  Seismic / PyTorch",-40} {batch,6} {results[("seismic", batch)] / speed,10:F2} x"));
        }
        Console.WriteLine($"{"",-12} {"  same weights: max |logit ORT - PyTorch|",-40} {figures["max_abs_diff"],6} over {CheckWindows} windows (logits up to {figures["max_abs_logit"]})");
    }

    /// <summary>
    /// Fresh batch norms pass their input through unscaled, and after a dozen layers the logits are ~1e-8: too small
    /// for a comparison of two engines or paths to mean anything. Statistics of the check windows (running averages
    /// over training-mode passes) give logits of order one. Leaves the network in eval mode.
    /// </summary>
    private static void Calibrate(TwoHeadNetwork network, float[] windows, int windowSamples)
    {
        using (var batch = tensor(windows.AsSpan(0, CheckWindows * windowSamples * TwoHeadNetwork.Channels).ToArray(), [CheckWindows, windowSamples, TwoHeadNetwork.Channels]))
        using (no_grad())
        {
            network.train();
            for (var pass = 0; pass < 40; pass++)
            {
                var (detector, classifier) = network.forward(batch);
                detector.Dispose();
                classifier.Dispose();
            }
        }
        network.eval();
    }

    /// <summary>
    /// The compact network with valid padding (config/models/compact.yaml with padding: valid), one segment of
    /// random beams (source.segment_length_s) classified window by window and by sliding inference, as
    /// WindowClassifier does either way (cut, batch, run; the scaling is left out of both): windows per second of
    /// the segment's windows, one segment and two at once; then the largest difference between the two paths.
    /// </summary>
    private static void MeasureSliding(SeismicSettings settings, int dayWindows, Options options, string folder)
    {
        var windowSamples = settings.Window.SamplesPerWindow;
        var stepSamples = settings.Window.StepSamples;
        var segmentSamples = (int)Math.Round(settings.Source.SegmentLengthS * settings.Window.SampleRateHz) + 1;
        var channels = TwoHeadNetwork.Channels;
        var batchSize = settings.Model.InferenceBatchSize;
        var hyperparameters = (CompactHyperparameters)ModelHyperparametersLoader.Load(Path.Combine(BenchmarkPaths.RepositoryRoot, "config", "models", "compact.yaml"))
            with { Padding = ConvolutionPadding.Valid };
        var onnx = Path.Combine(folder, "compact-valid.onnx");

        var random = new Random(12);
        var segment = new float[segmentSamples * channels];
        for (var i = 0; i < segment.Length; i++)
            segment[i] = (float)random.NextDouble();
        var starts = new WindowSlicer(windowSamples, stepSamples).WindowStarts(segmentSamples);
        using (var network = NetworkFactory.Create(hyperparameters, windowSamples, seed: 42))
        {
            var calibration = new float[CheckWindows * windowSamples * channels];
            for (var i = 0; i < CheckWindows; i++)
                segment.AsSpan(starts[i * starts.Count / CheckWindows] * channels, windowSamples * channels).CopyTo(calibration.AsSpan(i * windowSamples * channels));
            Calibrate(network, calibration, windowSamples);
            OnnxExporter.Save(network, onnx);
        }

        using var model = ClassifierModel.Load(onnx, windowSamples);
        using var second = ClassifierModel.Load(onnx, windowSamples);
        var sliding = model.Sliding ?? throw new InvalidOperationException("the valid-padding compact network was not cut for sliding inference");
        var secondSliding = second.Sliding!;
        var windows = new float[batchSize * windowSamples * channels];
        var otherWindows = new float[windows.Length];

        WindowProbabilities[] WindowPath(ClassifierModel network, float[] buffer)
        {
            var probabilities = new List<WindowProbabilities>(starts.Count);
            for (var first = 0; first < starts.Count; first += batchSize)
            {
                var count = Math.Min(batchSize, starts.Count - first);
                for (var i = 0; i < count; i++)
                    segment.AsSpan(starts[first + i] * channels, windowSamples * channels).CopyTo(buffer.AsSpan(i * windowSamples * channels));
                probabilities.AddRange(network.Predict(buffer, count));
            }
            return [.. probabilities];
        }

        void Row(string engine, double windowsPerSecond) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"compact",-12} {engine,-40} {batchSize,6} {windowsPerSecond,10:F1} {1000 / windowsPerSecond,10:F2} {dayWindows / windowsPerSecond,8:F1}"));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"",-12} padding valid, a {settings.Source.SegmentLengthS:G} s segment = {starts.Count} windows; sliding stride {sliding.StrideSamples} samples"));
        Row("valid, window path, one segment", Time(() => WindowPath(model, windows), starts.Count, options.Seconds));
        Row("valid, sliding, one segment", Time(() => sliding.Predict(segment, segmentSamples, starts, batchSize), starts.Count, options.Seconds));
        Row("valid, window path, 2 segments at once", TimeTogether([() => WindowPath(model, windows), () => WindowPath(second, otherWindows)], starts.Count, options.Seconds));
        Row("valid, sliding, 2 segments at once", TimeTogether(
            [() => sliding.Predict(segment, segmentSamples, starts, batchSize), () => secondSliding.Predict(segment, segmentSamples, starts, batchSize)], starts.Count, options.Seconds));

        var difference = WindowPath(model, windows).Zip(sliding.Predict(segment, segmentSamples, starts, batchSize))
            .Max(pair => Math.Max(Math.Abs(pair.First.Detector - pair.Second.Detector), Math.Abs(pair.First.Classifier - pair.Second.Classifier)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-12} {"  max |probability sliding - window path|",-40} {difference:E2} over {starts.Count} windows"));
    }

    /// <summary>ONNX Runtime settings worth comparing: its defaults, one thread, the benchmark's thread count, and that without spinning.</summary>
    private static IEnumerable<(string Name, SessionOptions Options)> SessionVariants(int threads)
    {
        yield return ("ORT defaults", new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL });
        yield return ("ORT 1 intra-op thread", new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = 1 });
        yield return ($"ORT {threads} intra-op threads", new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = threads });
        var quiet = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = threads };
        quiet.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        yield return ($"ORT {threads} threads, no spinning", quiet);
    }

    /// <summary>Runs a batch; returns detector and classifier logits per window.</summary>
    private static float[] RunSession(InferenceSession session, float[] windows, int batch, int windowSamples)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance, windows.AsMemory(0, batch * windowSamples * TwoHeadNetwork.Channels), [batch, windowSamples, TwoHeadNetwork.Channels]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [OnnxExporter.InputName], [input], [OnnxExporter.DetectorOutput, OnnxExporter.ClassifierOutput]);
        var detector = outputs[0].GetTensorDataAsSpan<float>();
        var classifier = outputs[1].GetTensorDataAsSpan<float>();
        var logits = new float[batch * 2];
        for (var i = 0; i < batch; i++)
            (logits[2 * i], logits[(2 * i) + 1]) = (detector[i], classifier[i]);
        return logits;
    }

    /// <summary>Windows per second of all <paramref name="runs"/> together, each looping on its own thread for <paramref name="seconds"/>.</summary>
    private static double TimeTogether(IReadOnlyList<Action> runs, int batch, double seconds)
    {
        var rates = new double[runs.Count];
        Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = runs.Count }, i => rates[i] = Time(runs[i], batch, seconds));
        return rates.Sum();
    }

    /// <summary>Windows per second: one warm-up run, then runs until <paramref name="seconds"/> have passed.</summary>
    private static double Time(Action run, int batch, double seconds)
    {
        run();
        var clock = Stopwatch.StartNew();
        var runs = 0;
        do
        {
            run();
            runs++;
        }
        while (clock.Elapsed.TotalSeconds < seconds);
        return runs * batch / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The network's float tensors (state_dict) end to end in ARCH.weights, named and placed in ARCH.json, for the PyTorch script.</summary>
    private static void WriteWeights(TwoHeadNetwork network, string architecture, ModelHyperparameters hyperparameters, int windowSamples, string folder, string manifestPath)
    {
        var tensors = new List<object>();
        using var weights = File.Create(Path.Combine(folder, architecture + ".weights"));
        foreach (var (name, tensor) in network.state_dict())
        {
            if (tensor.dtype != ScalarType.Float32)
                continue;
            var values = tensor.cpu().contiguous().data<float>().ToArray();
            tensors.Add(new { name, shape = tensor.shape, offset = weights.Position });
            weights.Write(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        object described = hyperparameters switch
        {
            CompactHyperparameters c => new { stem_filters = c.StemFilters, block_filters = c.BlockFilters, kernel_size = c.KernelSize, time_segments = c.TimeSegments },
            CnnDenseHyperparameters d => new { filters = d.Filters, kernel_sizes = d.KernelSizes, dense_units = d.DenseUnits },
            _ => throw new ArgumentException($"no PyTorch reference for {architecture}"),
        };
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(new
        {
            architecture,
            window = windowSamples,
            hyperparameters = described,
            weights = architecture + ".weights",
            input = architecture + ".input",
            expected = architecture + ".expected",
            check_windows = CheckWindows,
            tensors,
        }));
    }

    private static Options Parse(string[] args)
    {
        var options = new Options(2, 5, [1, 64], ["compact", "cnn_dense"], true);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--threads" => options with { Threads = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--seconds" => options with { Seconds = double.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--batches" => options with { Batches = [.. args[++i].Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture))] },
                "--architectures" => options with { Architectures = args[++i].Split(',') },
                "--no-pytorch" => options with { PyTorch = false },
                var unknown => throw new ArgumentException($"unknown option {unknown}"),
            };
        }
        return options;
    }
}
