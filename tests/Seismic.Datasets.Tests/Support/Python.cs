using System.Diagnostics;

namespace Seismic.Datasets.Tests.Support;

/// <summary>Runs python3 scripts, for checks against the Python tools (h5py) that SeisBench itself uses.</summary>
public static class Python
{
    // The python3 on PATH first; then Debian's, where python3-h5py installs h5py even when PATH
    // leads to another interpreter (pyenv, a virtual environment).
    private static readonly string[] Interpreters = ["python3", "/usr/bin/python3"];

    private static readonly Lazy<(string? Interpreter, string Reason)> WithH5py = new(FindInterpreterWithH5py);

    /// <summary>Why no python3 with h5py can be used here, or null when one can.</summary>
    public static string? WhyH5pyIsUnavailable() => WithH5py.Value.Interpreter is null ? WithH5py.Value.Reason : null;

    /// <summary>Runs <paramref name="script"/> with the python3 that has h5py.</summary>
    public static (int ExitCode, string Output) Run(string script, IReadOnlyList<string> arguments) =>
        Run(WithH5py.Value.Interpreter ?? throw new InvalidOperationException(WithH5py.Value.Reason), script, arguments);

    private static (string?, string) FindInterpreterWithH5py()
    {
        var reasons = new List<string>();
        foreach (var interpreter in Interpreters)
        {
            try
            {
                var (exitCode, output) = Run(interpreter, "import h5py", []);
                if (exitCode == 0)
                {
                    return (interpreter, "");
                }
                reasons.Add($"{interpreter} has no h5py ({output.Trim().Split('\n')[^1]})");
            }
            catch (System.ComponentModel.Win32Exception)
            {
                reasons.Add($"{interpreter} is not installed");
            }
        }
        return (null, string.Join("; ", reasons) + ". Install Debian's python3-h5py (./build.sh test does).");
    }

    private static (int ExitCode, string Output) Run(string interpreter, string script, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException("python3 ran for more than 60 s");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }
}
