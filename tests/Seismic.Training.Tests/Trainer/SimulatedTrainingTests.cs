using System.Diagnostics;
using System.Globalization;
using Seismic.Configuration;
using Seismic.Datasets.Building;
using Seismic.Datasets.SeisBench;
using Seismic.Metadata.QuakeMl;
using Seismic.Simulation.Scenario;
using Seismic.Trainer.Processing;
using Xunit.Abstractions;

namespace Seismic.Training.Tests.Trainer;

/// <summary>
/// The whole training path on simulated data: the simulator's ARCES, the dataset builder, then TrainingJob
/// with the compact network on full 240 s windows (9601 samples), judged on days it never saw.
/// <para>
/// Data: four mornings (00:00-08:00 UTC) of weekend days at 40 times the bulletin rates, without data defects:
/// train Saturday 2 and Sunday 3 March 2024, dev Saturday 9 March, test Sunday 10 March. On weekends mines
/// blast at 5 % of the weekday rate, so a weekend morning (the night, when only earthquakes occur, then the
/// first blasting hours) holds about as many earthquakes as explosions: 70-80 events and 60 noise windows to
/// train on, 35-45 events and ~28 noise windows per other split.
/// </para>
/// <para>
/// Observed when written (2 cores, load 0-2; schedule of <see cref="Overrides"/>), simulator seeds 1, 2, 3:
/// test detector accuracy 0.985 (seed 1); classifier balanced accuracy on the test day 0.97, 0.76 and 0.89,
/// val classifier accuracy 0.89, 0.95, 0.78. The floors (0.85 for the detector, 0.70 for the classifier; chance
/// is 0.5) sit below the worst seed. The days differ: a dev or test day with explosions from the southern
/// Finland quarries (1070 km, as far as the earthquakes, so their S−P time says "earthquake") is harder.
/// Before compact averaged over time segments and before batch-norm calibration, the classifier stayed at
/// 0.54-0.58 on this data: a global average cannot tell the S−P time or the P/S ratio.
/// Duration: 90-120 s to simulate 32 hours and build ~330 windows, ~60 s to train 20 epochs.
/// </para>
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class SimulatedTrainingTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Two weekend mornings to train on, one for dev, one for test: both classes on each day, and no day in two splits.</summary>
    private static readonly DateTime[] Mornings =
    [
        new(2024, 3, 2, 0, 0, 0, DateTimeKind.Utc),
        new(2024, 3, 3, 0, 0, 0, DateTimeKind.Utc),
        new(2024, 3, 9, 0, 0, 0, DateTimeKind.Utc),
        new(2024, 3, 10, 0, 0, 0, DateTimeKind.Utc),
    ];

    private readonly TrainerFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Should_learn_to_detect_and_classify_events_in_a_small_simulated_dataset()
    {
        var metrics = TrainOnSimulatedMornings(seed: 1);

        // Noise is about 40 % of the test day's windows: a detector that learned nothing scores 0.4-0.6.
        Assert.True(metrics["test_detector_accuracy"] >= 0.85, $"test detector accuracy {metrics["test_detector_accuracy"]:F3}");
        // Balanced, so calling every event one class scores 0.5 whatever the mix of the day.
        var balancedAccuracy = metrics["test_classifier_balanced_accuracy"];
        Assert.True(balancedAccuracy >= 0.70, $"classifier balanced accuracy on the test day {balancedAccuracy:F3}");
        Assert.True(metrics["val_classifier_accuracy"] >= 0.70, $"val classifier accuracy {metrics["val_classifier_accuracy"]:F3}");
    }

    /// <summary>Simulates, builds and trains; returns the registered model's figures.</summary>
    private IReadOnlyDictionary<string, double> TrainOnSimulatedMornings(long seed)
    {
        var clock = Stopwatch.StartNew();
        var dataset = SimulateAndBuild(seed);
        var built = clock.Elapsed;

        var outcome = new TrainingJob(_fixture.SettingsPath).Run(
            new TrainingRequest(Guid.NewGuid(), dataset, "compact", "simulated", Overrides()),
            new TrainingCallbacks { EpochFinished = e => output.WriteLine(Line(e)) },
            CancellationToken.None);

        var metrics = outcome.Metrics;
        var (explosions, earthquakes) = EventCounts(dataset, DatasetSplits.Test);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data {built.TotalSeconds:F0} s, training {(clock.Elapsed - built).TotalSeconds:F0} s, {outcome.EpochsRun} epochs run; test: detector accuracy {metrics["test_detector_accuracy"]:F3}, classifier accuracy {metrics["test_classifier_accuracy"]:F3}, balanced {metrics["test_classifier_balanced_accuracy"]:F3} ({explosions} explosions, {earthquakes} earthquakes)"));
        return metrics;
    }

    /// <summary>
    /// A short schedule at a rate the compact network takes well from scratch. No early stop: on ~70
    /// validation windows the loss is noisy, and stopping on it ends runs before the classifier has learned;
    /// the best epoch's weights are still the ones kept.
    /// </summary>
    private static Dictionary<string, string> Overrides() => new()
    {
        ["optimizer.max_epochs"] = "20",
        ["optimizer.batch_size"] = "16",
        ["optimizer.max_lr"] = "1e-3",
        ["optimizer.min_lr"] = "1e-4",
        ["callbacks.reduce_lr_patience"] = "5",
        ["callbacks.early_stopping_patience"] = "20",
    };

    /// <summary>Three simulated mornings as one archive and one catalog (their days differ, so their SDS day files do too), built into a dataset.</summary>
    private string SimulateAndBuild(long seed)
    {
        var merged = new SimulationOutput(Path.Combine(_fixture.Folder, "simulated"));
        var events = new List<SeismicEvent>();
        foreach (var morning in Mornings)
        {
            var run = SimulationRun.Write(new ScenarioOptions
            {
                StartUtc = morning,
                Duration = TimeSpan.FromHours(8),
                Seed = seed,
                RateMultiplier = 40,
                // This test is about learning, not data hygiene: gaps and dead sites would only cost windows.
                DefectRateMultiplier = 0,
            }, Path.Combine(_fixture.Folder, $"simulated-{morning:yyyyMMdd}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{morning:yyyy-MM-dd}: {run.Scenario.Events.Count} events, simulated in {run.Elapsed.TotalSeconds:F1} s"));
            foreach (var file in Directory.EnumerateFiles(run.Output.ArchivePath, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(merged.ArchivePath, Path.GetRelativePath(run.Output.ArchivePath, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(file, target);
            }
            events.AddRange(QuakeMlReader.ReadFile(run.Output.CatalogPath).Events);
            // The inventory does not depend on the interval (its epochs start in 2000).
            File.Copy(run.Output.InventoryPath, merged.InventoryPath, overwrite: true);
        }
        QuakeMlWriter.WriteFile(new Catalog { PublicId = "smi:seismic.tests/simulated-mornings", Events = events }, merged.CatalogPath);

        var directory = Path.Combine(_fixture.Folder, "dataset");
        var result = new DatasetBuilder(SettingsLoader.Load(_fixture.SettingsPath)).Build(new DatasetBuildOptions
        {
            CatalogPath = merged.CatalogPath,
            InventoryPath = merged.InventoryPath,
            Source = "sds://" + merged.ArchivePath,
            OutputDirectory = directory,
            TrainUntil = DateOnly.FromDateTime(Mornings[2]),
            DevUntil = DateOnly.FromDateTime(Mornings[3]),
            NoisePerEvent = 1,
            Seed = 5,
        });
        output.WriteLine(string.Join(", ", result.Counts.OrderBy(c => c.Key.Split).ThenBy(c => c.Key.Label).Select(c => $"{c.Key.Split} {c.Key.Label} {c.Value}")));
        return directory;
    }

    private static (int Explosions, int Earthquakes) EventCounts(string directory, string split)
    {
        using var dataset = SeisBenchDataset.Open(directory);
        var events = dataset.Traces.Where(t => t.Split == split && t.Label != DatasetLabels.Noise).ToList();
        // Induced events train and score as earthquakes (data.include_induced is true in the shipped settings).
        var explosions = events.Count(t => t.Label == DatasetLabels.Explosion);
        return (explosions, events.Count - explosions);
    }

    private static string Line(Seismic.Training.Optimization.EpochReport e) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {e.Epoch}: lr {e.LearningRate:G3}, train loss {e.TrainTotalLoss:F3}, val loss {e.ValidationTotalLoss:F3}, val detector {e.Metrics["val_detector_accuracy"]:F3}, val classifier {e.Metrics["val_classifier_accuracy"]:F3}, {e.Elapsed.TotalSeconds:F0} s");
}
