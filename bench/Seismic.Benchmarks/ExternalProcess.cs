using System.Diagnostics;

namespace Seismic.Benchmarks;

/// <summary>Runs the programs the benchmarks measure or compare with (seismic, deploy/local scripts, libmseed, PyTorch).</summary>
internal static class ExternalProcess
{
    /// <summary>Exit code and standard output followed by standard error; exit -1 and no output when the program cannot be started.</summary>
    public static (int Exit, string Output) Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        try
        {
            using var process = Process.Start(info)!;
            // Both pipes drain at once: a program that fills one while the other is read would wait forever.
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, "");
        }
    }
}
