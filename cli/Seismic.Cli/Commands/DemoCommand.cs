using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Seismic.Beams;
using Seismic.Cli.Pipeline;
using Seismic.Configuration;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;
using Seismic.Contracts.Training;
using Seismic.Datasets.Building;
using Seismic.Evaluation.Detection;
using Seismic.Inference.Registry;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;
using Seismic.Simulation.Scenario;
using Seismic.Sources;

namespace Seismic.Cli.Commands;

/// <summary>
/// `seismic demo`, the main job on a fresh clone: a simulated day at ARCES with its truth, a compact model trained
/// on other simulated days when none is registered, the day backfilled without its catalog through all five
/// workers, and the result scored against the truth. A second run reuses the day and the model.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The day the demo detects: a Wednesday, so the mines blast, none of the training days.</summary>
    private static readonly DateTime ScenarioStartUtc = new(2024, 3, 13, 0, 0, 0, DateTimeKind.Utc);

    private const long ScenarioSeed = 7;

    /// <summary>The bulletin has about 17 explosions per earthquake; 4 times its earthquakes give the day both classes to tell apart.</summary>
    private const double ScenarioEarthquakeRate = 4;

    /// <summary>Four weekdays the week before: train Monday and Tuesday, dev Wednesday, test Thursday.</summary>
    private static readonly DateTime TrainingStartUtc = new(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);

    private const int TrainingDays = 4;

    private const long TrainingSeed = 11;

    /// <summary>Earthquakes are rare at ARCES; 20 times the bulletin's rate gives the classifier as many earthquakes as explosions to learn from.</summary>
    private const double TrainingEarthquakeRate = 20;

    /// <summary>
    /// A short schedule that trains the compact network from scratch on ~250 windows in a few minutes on two cores
    /// (the trainer's own test uses the same): a higher rate than the original's, small batches, no early stop.
    /// </summary>
    private static readonly Dictionary<string, string> TrainingOverrides = new()
    {
        ["optimizer.max_epochs"] = "20",
        ["optimizer.batch_size"] = "16",
        ["optimizer.max_lr"] = "1e-3",
        ["optimizer.min_lr"] = "1e-4",
        ["callbacks.reduce_lr_patience"] = "5",
        ["callbacks.early_stopping_patience"] = "20",
    };

    public static Command Create()
    {
        var config = CommonOptions.Config();
        var rabbitMq = CommonOptions.RabbitMq();
        rabbitMq.Description = "Run the five workers of the demo over this broker instead of the in-memory bus, e.g. amqp://user:password@localhost:5672/";
        var command = new Command("demo", "Simulate a day at ARCES, train a model if none is registered, backfill the day without its catalog and score the events against the truth")
        {
            config, rabbitMq,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            InProcessPipeline pipeline;
            try
            {
                // The demo's reports have a folder of their own, written afresh each run: a report row is kept once per
                // event and model version, so rows of an earlier run would otherwise stand in for this one's.
                var configFile = parse.GetValue(config);
                var shipped = configFile is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(configFile.FullName);
                var reports = Path.Combine(shipped.Paths.OutputDir, "demo", "reports");
                if (Directory.Exists(reports))
                    Directory.Delete(reports, recursive: true);
                pipeline = InProcessPipeline.Build(configFile, parse.GetValue(rabbitMq), new Dictionary<string, string> { ["paths.reports_dir"] = reports }, quiet: true);
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }

            await using (pipeline)
            {
                await pipeline.StartAsync(cancellation);
                return await Run(pipeline, cancellation);
            }
        });
        return command;
    }

    private static async Task<int> Run(InProcessPipeline pipeline, CancellationToken cancellation)
    {
        var settings = pipeline.Settings;
        var demoFolder = Path.Combine(settings.Paths.OutputDir, "demo");
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Seismic demo: a simulated day at {settings.Array.Code}, detected and classified by all five workers in this process. Files go to {demoFolder}.");

        var scenario = new SimulationOutput(Path.Combine(demoFolder, "scenario"));
        Step(File.Exists(scenario.CatalogPath)
            ? $"1/4 scenario: reusing the simulated day in {scenario.Folder}"
            : $"1/4 scenario: simulating {ScenarioStartUtc:yyyy-MM-dd} (seed {ScenarioSeed}, earthquakes at {ScenarioEarthquakeRate} times the bulletin's rate)");
        if (!File.Exists(scenario.CatalogPath))
            Simulate(ScenarioStartUtc, TimeSpan.FromDays(1), ScenarioSeed, ScenarioEarthquakeRate, scenario.Folder);

        var registry = new ModelRegistry(settings.Paths.ModelsDir);
        var existing = registry.List().Where(m => m.Card.Name == settings.Model.Name).ToList();
        if (existing.Count > 0)
        {
            Step($"2/4 model: reusing {existing[^1].Card.Id} from {settings.Paths.ModelsDir} (delete it to train a new one)");
        }
        else
        {
            Step($"2/4 model: none named '{settings.Model.Name}' in {settings.Paths.ModelsDir}; training the compact network on {TrainingDays} other simulated days");
            if (!await Train(pipeline.Bus, settings, demoFolder, cancellation))
                return 1;
        }

        Step($"3/4 backfill: {ScenarioStartUtc:yyyy-MM-dd} without its catalog: ingest, beamformer, classifier (continuous detection), reporter");
        var request = new BackfillInterval
        {
            BackfillId = NewId.NextGuid(),
            ArrayCode = settings.Array.Code,
            StartUtc = ScenarioStartUtc,
            EndUtc = ScenarioStartUtc.AddDays(1),
            SourceUri = "sds://" + scenario.ArchivePath,
            InventoryUri = scenario.InventoryPath,
            RequestedBy = "seismic demo",
            RequestedAtUtc = DateTime.UtcNow,
        };
        var backfillClock = Stopwatch.StartNew();
        var follower = await BackfillRun.PublishAndFollow(pipeline.Bus, request, pipeline.Settings.Reports.EventGifs, cancellation);
        if (follower.Refusal is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            return 1;
        }
        BackfillRun.PrintSummary(request, follower, backfillClock.Elapsed, pipeline.Timer);
        pipeline.DrawDayPictures(request, follower);

        Step("4/4 score: the reported events against the simulation's truth (a report within 30 s of a true P found it)");
        await Score(settings, scenario, request, follower, cancellation);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Demo done in {total.Elapsed.TotalMinutes:F1} min."));
        return 0;
    }

    private static void Step(string line) => Console.WriteLine($"==> {line}");

    private static void Simulate(DateTime startUtc, TimeSpan duration, long seed, double earthquakeRate, string folder)
    {
        var summary = SimulationRun.Write(new ScenarioOptions
        {
            StartUtc = startUtc,
            Duration = duration,
            Seed = seed,
            EarthquakeRateMultiplier = earthquakeRate,
        }, folder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {summary.Scenario.Events.Count} events, {summary.SamplesWritten / 1e6:F0} M samples in {summary.Elapsed.TotalSeconds:F0} s"));
    }

    /// <summary>Simulates the training days, builds their dataset and trains through the in-process trainer; the classifier takes the model when it is published.</summary>
    private static async Task<bool> Train(IBus bus, SeismicSettings settings, string demoFolder, CancellationToken cancellation)
    {
        var training = new SimulationOutput(Path.Combine(demoFolder, "training", "simulated"));
        if (!File.Exists(training.CatalogPath))
            Simulate(TrainingStartUtc, TimeSpan.FromDays(TrainingDays), TrainingSeed, TrainingEarthquakeRate, training.Folder);

        var dataset = Path.Combine(demoFolder, "training", "dataset");
        if (!File.Exists(Path.Combine(dataset, "metadata.csv")))
        {
            var built = new DatasetBuilder(settings).Build(new DatasetBuildOptions
            {
                CatalogPath = training.CatalogPath,
                InventoryPath = training.InventoryPath,
                Source = "sds://" + training.ArchivePath,
                OutputDirectory = dataset,
                TrainUntil = DateOnly.FromDateTime(TrainingStartUtc.AddDays(2)),
                DevUntil = DateOnly.FromDateTime(TrainingStartUtc.AddDays(3)),
                NoisePerEvent = 1,
                Seed = 5,
            });
            Console.WriteLine($"    dataset: {built.TraceCount} windows ({string.Join(", ", built.Counts.GroupBy(c => c.Key.Split).Select(g => $"{g.Key} {g.Sum(c => c.Value)}"))}) in {dataset}");
        }

        var request = new TrainModel
        {
            TrainingId = NewId.NextGuid(),
            DatasetPath = dataset,
            Architecture = "compact",
            ModelName = settings.Model.Name,
            ConfigOverrides = TrainingOverrides,
            RequestedBy = "seismic demo",
            RequestedAtUtc = DateTime.UtcNow,
        };
        string? failure = null;
        var code = await BusConversation.PublishAndFollow(bus, request, (endpoint, finish) =>
        {
            endpoint.Handler<TrainingProgressed>(context =>
            {
                if (context.Message.TrainingId == request.TrainingId && context.Message.Epoch > 0)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    epoch {context.Message.Epoch}/{context.Message.MaxEpochs}: loss {context.Message.TrainTotalLoss:F3}, val {context.Message.ValTotalLoss:F3}"));
                return Task.CompletedTask;
            });
            endpoint.Handler<ModelPublished>(context =>
            {
                if (context.Message.TrainingId == request.TrainingId)
                {
                    var metrics = context.Message.Metrics;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    published {context.Message.ModelName} v{context.Message.Version}: test detector accuracy {metrics.GetValueOrDefault("test_detector_accuracy"):F3}, classifier balanced accuracy {metrics.GetValueOrDefault("test_classifier_balanced_accuracy"):F3}"));
                    finish(0);
                }
                return Task.CompletedTask;
            });
            endpoint.Handler<StageFailed>(context =>
            {
                if (context.Message.TrainingId == request.TrainingId)
                {
                    failure = context.Message.Reason;
                    finish(1);
                }
                return Task.CompletedTask;
            });
        }, Timeout.InfiniteTimeSpan, cancellation);
        if (code != 0)
        {
            Console.Error.WriteLine($"Training failed: {failure}");
            return false;
        }

        // The classifier switches on ModelPublished; give that message the moment it needs before segments arrive.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        return true;
    }

    private static async Task Score(SeismicSettings settings, SimulationOutput scenario, BackfillInterval request, BackfillFollower follower, CancellationToken cancellation)
    {
        var truth = TruthEvent.From(QuakeMlReader.ReadFile(scenario.CatalogPath), settings.Array.Code, settings.Array.StationPattern,
            new GeoPoint(settings.Array.ReferenceLatitudeDeg, settings.Array.ReferenceLongitudeDeg), request.StartUtc, request.EndUtc);
        var reported = follower.Events
            .Where(e => e.OnsetUtc is not null)
            .Select(e => new ReportedEvent(e.EventId, e.OnsetUtc!.Value, e.Label.ToString().ToLowerInvariant(), e.BackAzimuthDeg))
            .ToList();
        var score = DetectionScoring.Score(truth, reported, DetectionReport.DefaultToleranceS);

        using var source = WaveformSources.Open(request.SourceUri!);
        var snrMeter = new PBeamSnr(settings, new ArrayInventory(StationXmlReader.ReadFile(scenario.InventoryPath), settings.Array), source);
        var snr = new Dictionary<TruthEvent, double?>();
        foreach (var t in truth)
            snr[t] = await snrMeter.Measure(t, cancellation);
        foreach (var line in DetectionReport.Lines(score, snr))
            Console.WriteLine($"  {line}");
    }
}
