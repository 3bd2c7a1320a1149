using System.Diagnostics;
using System.Globalization;

namespace Seismic.Benchmarks.MiniSeed;

/// <summary>
/// Builds libmseed-reference/mseed_decode_bench.c with the system C compiler against Debian's libmseed-dev
/// (apt-get install -y libmseed-dev) and runs it. Absent compiler or library: the benchmark says so and goes on.
/// </summary>
internal sealed class LibmseedReference
{
    private readonly string _executable;

    private LibmseedReference(string executable, string description)
    {
        _executable = executable;
        Description = description;
    }

    public string Description { get; }

    public static LibmseedReference? TryBuild(out string whyNot)
    {
        whyNot = "";
        var source = Path.Combine(AppContext.BaseDirectory, "libmseed-reference", "mseed_decode_bench.c");
        if (!File.Exists(source))
            source = Path.Combine(BenchmarkPaths.RepositoryRoot, "bench", "Seismic.Benchmarks", "libmseed-reference", "mseed_decode_bench.c");
        if (!File.Exists(source))
        {
            whyNot = $"{source} not found";
            return null;
        }
        if (!File.Exists("/usr/include/libmseed.h"))
        {
            whyNot = "libmseed.h not found; install it with: apt-get install -y libmseed-dev";
            return null;
        }
        var executable = Path.Combine(Path.GetTempPath(), $"mseed_decode_bench_{Environment.ProcessId}");
        var (exit, output) = ExternalProcess.Run("cc", ["-O2", "-o", executable, source, "-lmseed"]);
        if (exit != 0)
        {
            whyNot = exit == -1 ? "no C compiler (cc) on PATH" : $"cc failed: {output.Trim()}";
            return null;
        }
        var version = File.Exists("/usr/lib/x86_64-linux-gnu/libmseed.so.2.19.8") ? "libmseed 2.19.8" : "system libmseed";
        return new LibmseedReference(executable, $"{version} via {executable}, built with cc -O2");
    }

    /// <summary>Samples per second, or null when libmseed could not read the file.</summary>
    public double? Measure(string path, double seconds)
    {
        var (exit, output) = ExternalProcess.Run(_executable, [path, seconds.ToString(CultureInfo.InvariantCulture)]);
        if (exit != 0)
            return null;
        var field = output.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=')).FirstOrDefault(f => f[0] == "samples_per_second");
        return field is null ? null : double.Parse(field[1], CultureInfo.InvariantCulture);
    }
}
