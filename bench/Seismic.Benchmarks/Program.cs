using Seismic.Benchmarks;
using Seismic.Benchmarks.Inference;
using Seismic.Benchmarks.MiniSeed;
using Seismic.Benchmarks.Training;

// A dispatcher: `dotnet run -c Release --project bench/Seismic.Benchmarks -- <name> [args]`.
var benchmarks = new Dictionary<string, (string Description, Func<string[], int> Run)>(StringComparer.OrdinalIgnoreCase)
{
    ["mseed"] = ("miniSEED decode speed (samples/s) for Steim-1, Steim-2 and int32, next to libmseed's on the same files", MseedDecodeComparison.Run),
    ["beams"] = ("one day of ARCES beams (26 sites x 3 components at 40 Hz) and the f-k cost per segment", _ =>
    {
        BeamformingBenchmark.Run();
        return 0;
    }),
    ["mseed-bdn"] = ("the same decodes under BenchmarkDotNet (slower, with allocation figures)", MseedDecodeBenchmarks.Run),
    ["pipeline"] = ("one simulated ARCES day through the in-process pipeline (seismic backfill): wall time per stage and in total, real-time factor; args: architectures (default compact)", PipelineBenchmark.Run),
    ["distributed"] = ("the same day through the five worker processes of deploy/local/up.sh over RabbitMQ, with one and two classifier processes: wall time, real-time factor, CPU and finish time per stage; args: architectures (default compact cnn_dense)", DistributedBenchmark.Run),
    ["live"] = ("live latency: hours of the simulated day replayed over SeedLink at 60 x into seismic run --live, data complete to rows written per segment (median, p99); args: hours (default 3)", LiveBenchmark.Run),
    ["inference"] = ("classifier inference (windows/s) of compact and cnn_dense at batch 1 and 64: Seismic's ONNX Runtime path, other ORT thread settings, and PyTorch with the same weights", InferenceSpeedBenchmark.Run),
    ["training"] = ("training steps per architecture (samples/s, 2 torch threads), CNN-dense next to PyTorch's on the same step", TrainingSpeedBenchmark.Run),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var chosen))
{
    Console.Error.WriteLine("usage: Seismic.Benchmarks <benchmark> [args]");
    foreach (var (name, (description, _)) in benchmarks)
        Console.Error.WriteLine($"  {name,-12} {description}");
    return args.Length == 0 ? 0 : 2;
}
return chosen.Run(args[1..]);
