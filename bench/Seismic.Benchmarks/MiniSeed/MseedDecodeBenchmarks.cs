using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;

namespace Seismic.Benchmarks.MiniSeed;

/// <summary>BenchmarkDotNet view of the decodes (time and allocations per file); the samples/s comparison is <see cref="MseedDecodeComparison"/>.</summary>
[MemoryDiagnoser]
public class MseedDecodeBenchmarks
{
    private byte[] _bytes = [];

    public static IEnumerable<string> Files => MseedBenchmarkFiles.All.Select(f => f.RelativePath);

    [ParamsSource(nameof(Files))]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _bytes = System.IO.File.ReadAllBytes(MseedBenchmarkFiles.FullPath(File));

    [Benchmark(Baseline = true)]
    public long ParseAndDecodeRecords() => MseedDecodeComparison.DecodeRecords(_bytes);

    [Benchmark]
    public long ReadTraces() => MseedDecodeComparison.DecodeTraces(_bytes);

    public static int Run(string[] args)
    {
        BenchmarkRunner.Run<MseedDecodeBenchmarks>(args: args);
        return 0;
    }
}
