using System.Globalization;
using System.Runtime.InteropServices;
using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Datasets.SeisBench;
using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;
using Seismic.Training.Data;
using Seismic.Training.Export;
using Seismic.Training.Models;
using Seismic.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace Seismic.Trainer.Processing;

/// <summary>What to train: the fields of a TrainModel command, free of the bus.</summary>
public sealed record TrainingRequest(
    Guid TrainingId,
    string DatasetPath,
    string Architecture,
    string ModelName,
    IReadOnlyDictionary<string, string> ConfigOverrides);

/// <summary>What a job is about to do, known once its settings and data are loaded.</summary>
public sealed record TrainingPlan(string Architecture, string Device, int TrainWindows, int ValidationWindows, int TestWindows, int MaxEpochs, string RunFolder);

/// <summary>A finished job: the registered model and the figures in its card.</summary>
public sealed record TrainingOutcome(RegisteredModel Model, IReadOnlyDictionary<string, double> Metrics, int EpochsRun);

/// <summary>A job that cannot run or finish for a reason in its input or its environment; the message says which.</summary>
public sealed class TrainingRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>Observers of a running job (all optional); they are called on the training thread.</summary>
public sealed record TrainingCallbacks
{
    public Action<TrainingPlan>? Started { get; init; }

    public Action<EpochReport>? EpochFinished { get; init; }

    public Action<BatchProgress>? BatchFinished { get; init; }
}

/// <summary>
/// One training job from request to registered model: the settings file read again with the request's
/// overrides, the dataset's train/dev/test splits, the network on CUDA when there is one, the epoch loop,
/// test figures, ONNX export checked by ONNX Runtime, and a new version in the model registry.
/// </summary>
/// <param name="settingsPath">The settings file the trainer runs with; hyperparameters come from models/ beside it.</param>
public sealed class TrainingJob(string settingsPath)
{
    /// <summary>Runs the job to the end. Cancellation leaves no registered model (the run folder keeps its checkpoints).</summary>
    /// <exception cref="TrainingRejectedException">Bad overrides, architecture, model name or dataset; too little memory.</exception>
    public TrainingOutcome Run(TrainingRequest request, TrainingCallbacks callbacks, CancellationToken cancellation)
    {
        var (settings, hyperparameters) = LoadConfiguration(request);
        using var dataset = OpenDataset(request.DatasetPath, settings);
        var train = TrainingData.Load(dataset, DatasetSplits.Train, settings.Data.IncludeInduced);
        var validation = TrainingData.Load(dataset, DatasetSplits.Dev, settings.Data.IncludeInduced);
        var test = TrainingData.Load(dataset, DatasetSplits.Test, settings.Data.IncludeInduced);
        RequireTrainable(request.DatasetPath, train, validation);

        var device = cuda.is_available() ? CUDA : CPU;
        var runFolder = Path.GetFullPath(Path.Combine(settings.Paths.OutputDir, "training", request.TrainingId.ToString("N")));
        callbacks.Started?.Invoke(new TrainingPlan(
            request.Architecture, device.type.ToString(), train.Count, validation.Count, test.Count, settings.Optimizer.MaxEpochs, runFolder));

        try
        {
            using var network = NetworkFactory.Create(hyperparameters, dataset.SamplesPerTrace, settings.Data.Seed);
            network.to(device);
            var run = new TrainingRun(settings, network, runFolder, device);
            var epochs = run.Run(train, validation, callbacks.EpochFinished, cancellation, callbacks.BatchFinished);

            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            AddFigures(metrics, run.Evaluate(validation, "val_"), "val_");
            if (test.Count > 0)
                AddFigures(metrics, run.Evaluate(test, "test_"), "test_");

            network.to(CPU);
            var onnxPath = Path.Combine(runFolder, ModelRegistry.OnnxFileName);
            OnnxExporter.Save(network, onnxPath, new Dictionary<string, string> { ["seismic.training_id"] = request.TrainingId.ToString() });
            using (ClassifierModel.Load(onnxPath, dataset.SamplesPerTrace, train.Channels))
            {
                // Opened only to prove the export meets the contract before anyone is told about it.
            }

            var card = new ModelCard
            {
                Name = settings.Model.Name,
                Version = 0,
                Architecture = request.Architecture,
                CreatedUtc = DateTime.UtcNow,
                WindowSamples = dataset.SamplesPerTrace,
                SampleRateHz = dataset.SamplingRateHz,
                Channels = BeamSet.Names,
                Scaler = ScalerCard.From(settings.Scaling, run.GlobalScalingStatistics),
                DetectorThreshold = settings.Model.DetectorThreshold,
                ClassifierThreshold = settings.Model.ClassifierThreshold,
                DetectorLabels = ModelCard.NoiseEventLabels,
                ClassifierLabels = ModelCard.EarthquakeExplosionLabels,
                Metrics = metrics,
                DatasetId = Path.GetFileName(Path.TrimEndingDirectorySeparator(dataset.Directory)),
                DatasetSha256 = dataset.ContentSha256,
                Settings = CardSettings(request, settings, device, epochs.Count),
                OnnxSha256 = "",
            };
            // An absolute location: classifiers in other processes read ModelPublished.OnnxLocation from their own working directory.
            var registered = new ModelRegistry(Path.GetFullPath(settings.Paths.ModelsDir)).Register(card, onnxPath);
            return new TrainingOutcome(registered, metrics, epochs.Count);
        }
        catch (ExternalException native) when (native.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new TrainingRejectedException(
                $"out of memory on {device.type} with batch size {settings.Optimizer.BatchSize}; set optimizer.batch_size lower ({native.Message.Split('\n')[0]})", native);
        }
        catch (OutOfMemoryException memory)
        {
            throw new TrainingRejectedException(
                $"out of memory holding {train.Count + validation.Count + test.Count} windows and the network; use a smaller dataset or a host with more memory", memory);
        }
    }

    private (SeismicSettings Settings, ModelHyperparameters Hyperparameters) LoadConfiguration(TrainingRequest request)
    {
        var (settingsOverrides, hyperparameterOverrides) = ConfigOverrides.Split(request.ConfigOverrides);
        // The architecture and name go through the settings binder too, so a typo gets its "did you mean".
        var overrides = new Dictionary<string, string>(settingsOverrides, StringComparer.Ordinal)
        {
            ["model.architecture"] = request.Architecture,
            ["model.name"] = request.ModelName,
        };
        try
        {
            var settings = SettingsLoader.Load(settingsPath, overrides);
            var hyperparameters = ModelHyperparametersLoader.Load(
                ModelHyperparametersLoader.DefaultPath(settingsPath, settings.Model.Architecture), hyperparameterOverrides);
            if (hyperparameters.Architecture != settings.Model.Architecture)
                throw new TrainingRejectedException(
                    $"the hyperparameter file for '{request.Architecture}' declares architecture '{hyperparameters.Architecture}'");
            return (settings, hyperparameters);
        }
        catch (SettingsException invalid)
        {
            throw new TrainingRejectedException($"bad training configuration: {invalid.Message}", invalid);
        }
    }

    private static SeisBenchDataset OpenDataset(string path, SeismicSettings settings)
    {
        SeisBenchDataset dataset;
        try
        {
            dataset = SeisBenchDataset.Open(path);
        }
        catch (DatasetException bad)
        {
            throw new TrainingRejectedException($"bad dataset: {bad.Message}", bad);
        }

        // The classifier slides windows of the configured length and rate; a model trained on others would not fit them.
        if (dataset.SamplesPerTrace != settings.Window.SamplesPerWindow || Math.Abs(dataset.SamplingRateHz - settings.Window.SampleRateHz) > 1e-9)
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"bad dataset: {path} has {dataset.SamplesPerTrace} samples at {dataset.SamplingRateHz} Hz per trace, but the settings' window is {settings.Window.SamplesPerWindow} samples at {settings.Window.SampleRateHz} Hz");
            dataset.Dispose();
            throw new TrainingRejectedException(message);
        }
        return dataset;
    }

    private static void RequireTrainable(string path, TrainingSet train, TrainingSet validation)
    {
        var missing = new List<string>();
        if (!train.Labels.Contains(SampleLabel.Noise))
            missing.Add("noise windows in 'train'");
        if (!train.Labels.Any(l => l != SampleLabel.Noise))
            missing.Add("events in 'train'");
        if (validation.Count == 0)
            missing.Add("any window in 'dev' (validation drives early stopping and the best epoch)");
        if (missing.Count > 0)
            throw new TrainingRejectedException($"bad dataset: {path} has no {string.Join(", no ", missing)}");
    }

    private static void AddFigures(Dictionary<string, double> metrics, (double Loss, IReadOnlyDictionary<string, double> Metrics, Seismic.Evaluation.Metrics.ConfusionMatrix Confusion) figures, string prefix)
    {
        metrics[prefix + "total_loss"] = figures.Loss;
        foreach (var (name, value) in figures.Metrics)
            metrics[name] = value;
    }

    private static Dictionary<string, string> CardSettings(TrainingRequest request, SeismicSettings settings, Device device, int epochsRun)
    {
        var values = new Dictionary<string, string>(request.ConfigOverrides, StringComparer.Ordinal)
        {
            ["training_id"] = request.TrainingId.ToString(),
            ["device"] = device.type.ToString(),
            ["epochs_run"] = epochsRun.ToString(CultureInfo.InvariantCulture),
            ["optimizer.max_epochs"] = settings.Optimizer.MaxEpochs.ToString(CultureInfo.InvariantCulture),
            ["optimizer.batch_size"] = settings.Optimizer.BatchSize.ToString(CultureInfo.InvariantCulture),
            ["data.seed"] = settings.Data.Seed.ToString(CultureInfo.InvariantCulture),
            ["data.include_induced"] = settings.Data.IncludeInduced ? "true" : "false",
        };
        return values;
    }
}
