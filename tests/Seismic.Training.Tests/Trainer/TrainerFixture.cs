using System.Text.RegularExpressions;
using Seismic.TestSupport;

namespace Seismic.Training.Tests.Trainer;

/// <summary>
/// A private copy of config/ whose paths point into a temporary folder, and small SeisBench datasets
/// (<see cref="TinyDatasets"/>) of 10 s windows (401 samples at 40 Hz).
/// </summary>
internal sealed partial class TrainerFixture : IDisposable
{
    public const int WindowSamples = 401;

    public TrainerFixture()
    {
        Folder = Directory.CreateTempSubdirectory("seismic-trainer-").FullName;
        var config = Path.Combine(Folder, "config");
        Directory.CreateDirectory(Path.Combine(config, "models"));
        foreach (var model in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "config", "models"), "*.yaml"))
            File.Copy(model, Path.Combine(config, "models", Path.GetFileName(model)));
        var yaml = File.ReadAllText(RepositoryPaths.SettingsFile);
        yaml = PathKey().Replace(yaml, match => $"{match.Groups[1].Value}{match.Groups[2].Value}: {Path.Combine(Folder, match.Groups[2].Value.Replace("_dir", ""))}");
        SettingsPath = Path.Combine(config, "seismic.yaml");
        File.WriteAllText(SettingsPath, yaml);
    }

    public string Folder { get; }

    public string SettingsPath { get; }

    public string ModelsDir => Path.Combine(Folder, "models");

    public string OutputDir => Path.Combine(Folder, "output");

    /// <summary>Overrides a test's command carries: short windows, few epochs, small batches.</summary>
    public static Dictionary<string, string> QuickOverrides(int epochs = 3) => new()
    {
        ["window.length_s"] = "10",
        ["window.p_position_s"] = "3",
        ["optimizer.max_epochs"] = epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["optimizer.batch_size"] = "16",
        ["optimizer.max_lr"] = "3e-3",
        ["optimizer.min_lr"] = "3e-4",
        ["callbacks.reduce_lr_patience"] = "3",
    };

    /// <summary>Writes a <see cref="TinyDatasets"/> dataset into this fixture's folder.</summary>
    public string WriteDataset(string name, int perClass, int samples = WindowSamples, int seed = 1) =>
        TinyDatasets.Write(Path.Combine(Folder, name), perClass, samples, seed);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    [GeneratedRegex(@"^(\s+)(output_dir|models_dir|data_dir): .*$", RegexOptions.Multiline)]
    private static partial Regex PathKey();
}
