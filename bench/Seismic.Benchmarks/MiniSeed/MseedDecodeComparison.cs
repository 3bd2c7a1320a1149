using System.Diagnostics;
using System.Globalization;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;

namespace Seismic.Benchmarks.MiniSeed;

/// <summary>
/// Decode speed in samples per second, ours and libmseed's, on the same files in the same run. Both sides start
/// from the file in memory and parse and decode every record per pass, repeated for a fixed time. "ours, records"
/// is the like-for-like loop (parse, decode each record into a reused buffer); "ours, traces" is the full path
/// users take (parse, assemble segments, decode into the segment buffers).
/// </summary>
internal static class MseedDecodeComparison
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.0;
        var reference = LibmseedReference.TryBuild(out var unavailable);
        Console.WriteLine($"miniSEED decode speed, {seconds:F1} s per measurement, .NET {Environment.Version}, {Environment.ProcessorCount} CPUs");
        Console.WriteLine(reference is null
            ? $"libmseed reference: UNAVAILABLE ({unavailable}); only our figures are shown."
            : $"libmseed reference: {reference.Description}");
        Console.WriteLine();
        Console.WriteLine($"{"encoding",-8} {"file",-48} {"samples",9} {"ours, records",16} {"ours, traces",16} {"libmseed",16} {"ratio",7}");
        foreach (var (encoding, relative) in MseedBenchmarkFiles.All)
        {
            var path = MseedBenchmarkFiles.FullPath(relative);
            if (!File.Exists(path))
            {
                Console.WriteLine($"{encoding,-8} {relative,-48} missing");
                continue;
            }
            var bytes = File.ReadAllBytes(path);
            var (samples, recordsRate) = Measure(bytes, seconds, DecodeRecords);
            var (_, tracesRate) = Measure(bytes, seconds, DecodeTraces);
            var theirs = reference?.Measure(path, seconds);
            var ratio = theirs is > 0 ? (recordsRate / theirs.Value).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-";
            Console.WriteLine($"{encoding,-8} {Shorten(relative),-48} {samples,9} {Rate(recordsRate),16} {Rate(tracesRate),16} {(theirs is null ? "n/a" : Rate(theirs.Value)),16} {ratio,7}");
        }
        Console.WriteLine();
        Console.WriteLine("ratio = ours (records) / libmseed; rates in million samples per second.");
        return 0;
    }

    private static string Rate(double samplesPerSecond) => (samplesPerSecond / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " M/s";

    private static string Shorten(string relative) => relative.Length <= 48 ? relative : "..." + relative[^45..];

    private static (long Samples, double SamplesPerSecond) Measure(byte[] bytes, double seconds, Func<byte[], long> pass)
    {
        var samples = pass(bytes);
        // Warm up long enough for tiered compilation to reach its optimised code.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < Math.Min(0.5, seconds))
            pass(bytes);
        var passes = 0L;
        clock.Restart();
        do
        {
            pass(bytes);
            passes++;
        }
        while (clock.Elapsed.TotalSeconds < seconds);
        return (samples, samples * passes / clock.Elapsed.TotalSeconds);
    }

    private static int[] _scratch = new int[8192];

    /// <summary>Like libmseed's msr_parse loop: every record parsed and decoded into a reused buffer.</summary>
    internal static long DecodeRecords(byte[] bytes)
    {
        var total = 0L;
        foreach (var record in MiniSeedReader.Read(bytes).Records)
        {
            if (record.SampleCount > _scratch.Length)
                _scratch = new int[record.SampleCount];
            var status = SampleDecoder.DecodeInt32(record.Encoding, record.Payload.Span, record.PayloadIsBigEndian, _scratch.AsSpan(0, record.SampleCount));
            if (!status.Succeeded)
                throw new InvalidOperationException(status.Message);
            total += record.SampleCount;
        }
        return total;
    }

    internal static long DecodeTraces(byte[] bytes) => MiniSeedFile.ReadTraces(bytes).Segments.Sum(s => (long)s.SampleCount);
}
