using System.Globalization;

namespace Seismic.Benchmarks.Training;

/// <summary>
/// Runs a script of bench/pytorch (cnn_dense_train.py: the same CNN-dense network, loss and optimizer in PyTorch;
/// inference.py: the same networks and weights in inference) with the
/// first of `python3` on PATH and /usr/bin/python3 that imports torch: Debian's python3-torch serves only
/// /usr/bin/python3, which a python3 on PATH (pyenv, a virtual environment) may hide. `./build.sh bench training`
/// installs python3-torch when neither imports torch. No torch: the benchmark says so and goes on with
/// TorchSharp's figures only.
/// </summary>
internal sealed class PyTorchReference
{
    private static readonly string[] Interpreters = ["python3", "/usr/bin/python3"];

    private readonly string _python;
    private readonly string _script;

    private PyTorchReference(string python, string script, string description)
    {
        _python = python;
        _script = script;
        Description = description;
    }

    public string Description { get; }

    public static PyTorchReference? TryFind(out string whyNot, string scriptName = "cnn_dense_train.py")
    {
        whyNot = "";
        var script = Path.Combine(BenchmarkPaths.RepositoryRoot, "bench", "pytorch", scriptName);
        if (!File.Exists(script))
        {
            whyNot = $"{script} not found";
            return null;
        }
        foreach (var python in Interpreters.Distinct())
        {
            var (exit, output) = ExternalProcess.Run(python, ["-c", "import torch; print(torch.__version__)"]);
            if (exit == 0)
                return new PyTorchReference(python, script, $"PyTorch {output.Trim()} ({python} {Path.GetRelativePath(BenchmarkPaths.RepositoryRoot, script)})");
        }
        whyNot = $"neither {string.Join(" nor ", Interpreters)} imports torch; install it with: apt-get install -y python3-torch";
        return null;
    }

    /// <summary>The script's key=value figures, or null with the reason when it failed.</summary>
    /// <param name="arguments">The script's arguments.</param>
    /// <param name="failure">Why it failed, when it returns null.</param>
    /// <param name="firstKey">The key the script's figures line starts with.</param>
    public IReadOnlyDictionary<string, string>? Run(IEnumerable<string> arguments, out string failure, string firstKey = "parameters")
    {
        var (exit, output) = ExternalProcess.Run(_python, [_script, .. arguments]);
        failure = "";
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => l.StartsWith(firstKey + "=", StringComparison.Ordinal));
        if (exit != 0 || line is null)
        {
            failure = $"exit {exit}: {output.Trim()}";
            return null;
        }
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(field => field.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);
    }

    public static double Number(IReadOnlyDictionary<string, string> figures, string key) =>
        double.Parse(figures[key], CultureInfo.InvariantCulture);
}
