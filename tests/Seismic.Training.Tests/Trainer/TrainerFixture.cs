using System.Text.RegularExpressions;
using Seismic.Datasets.SeisBench;
using Seismic.TestSupport;

namespace Seismic.Training.Tests.Trainer;

/// <summary>
/// A private copy of config/ whose paths point into a temporary folder, and small SeisBench datasets of
/// 10 s windows (401 samples at 40 Hz): noise; "earthquakes" with a strong wave on the transverse S beam;
/// "explosions" with it on the P beam.
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
        ["optimizer.max_epochs"] = epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["optimizer.batch_size"] = "16",
        ["optimizer.max_lr"] = "3e-3",
        ["optimizer.min_lr"] = "3e-4",
        ["callbacks.reduce_lr_patience"] = "3",
    };

    /// <summary>Writes a dataset with <paramref name="perClass"/> windows of each label in each split.</summary>
    public string WriteDataset(string name, int perClass, int samples = WindowSamples, int seed = 1)
    {
        var directory = Path.Combine(Folder, name);
        using var writer = new SeisBenchWriter(directory, new WaveformDataFormat("ZTR", 40, samples));
        var random = new Random(seed);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var index = 0;
        foreach (var split in DatasetSplits.All)
        {
            foreach (var label in new[] { DatasetLabels.Noise, DatasetLabels.Earthquake, DatasetLabels.Explosion })
            {
                for (var n = 0; n < perClass; n++, index++)
                {
                    var values = new float[3 * samples];
                    var channel = label == DatasetLabels.Explosion ? 0 : 1;
                    for (var c = 0; c < 3; c++)
                    {
                        for (var t = 0; t < samples; t++)
                        {
                            var wave = label != DatasetLabels.Noise && c == channel && t > samples / 3 && t < 2 * samples / 3 ? 6 * MathF.Sin(t * 0.6f) : 0;
                            values[c * samples + t] = (float)(random.NextDouble() * 2 - 1) + wave;
                        }
                    }
                    writer.Add(new DatasetTrace
                    {
                        TraceName = $"trace_{index:D5}",
                        Split = split,
                        Label = label,
                        StartUtc = start.AddMinutes(index),
                        SamplingRateHz = 40,
                    }, values);
                }
            }
        }
        writer.Commit();
        return directory;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    [GeneratedRegex(@"^(\s+)(output_dir|models_dir|data_dir): .*$", RegexOptions.Multiline)]
    private static partial Regex PathKey();
}
