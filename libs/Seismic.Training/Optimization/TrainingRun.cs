using System.Diagnostics;
using System.Globalization;
using Seismic.Configuration;
using Seismic.Evaluation.Metrics;
using Seismic.Inference.Scaling;
using Seismic.Inference.Voting;
using Seismic.Training.Data;
using Seismic.Training.Loss;
using Seismic.Training.Models;
using Seismic.Training.Schedule;
using static TorchSharp.torch;

namespace Seismic.Training.Optimization;

/// <summary>
/// Trains a network epoch by epoch as the settings say: oversampled and shuffled batches, augmentation then
/// scaling, the two-head loss with balanced class weights, the learning-rate schedule with plateau
/// reductions, batch-norm statistics recomputed for each epoch's final weights (<see cref="BatchNormCalibration"/>),
/// validation figures computed from probabilities and reset every epoch, a checkpoint per epoch and the best one kept, early stopping that restores the best weights, and one CSV line per epoch.
/// Batches go to <c>device</c> (CPU by default, CUDA on a GPU host), where the network must already be.
/// </summary>
public sealed class TrainingRun(SeismicSettings settings, TwoHeadNetwork network, string runFolder, Device? device = null)
{
    private readonly Device _device = device ?? CPU;
    private WindowScaler? _scaler;
    private (BinaryClassWeights Detector, BinaryClassWeights Classifier) _classWeights;

    /// <summary>Each earthquake is visited this many times per epoch, as in the seed (earthquakes are the rarer class).</summary>
    public const int EarthquakeCopies = 4;

    public string BestCheckpointPath => Path.Combine(runFolder, "best.weights");

    public string MetricsCsvPath => Path.Combine(runFolder, "metrics.csv");

    /// <summary>Statistics of the global scaler fitted on the training set (null for a local scaler); the model card stores them.</summary>
    public ScalingStatistics? GlobalScalingStatistics { get; private set; }

    /// <summary>
    /// Runs to the last epoch or until early stopping; the network ends with the best epoch's weights.
    /// <c>progress</c> hears of every epoch, <c>batchProgress</c> of every batch (for a progress bar).
    /// </summary>
    public IReadOnlyList<EpochReport> Run(
        TrainingSet train,
        TrainingSet validation,
        Action<EpochReport>? progress = null,
        CancellationToken cancellation = default,
        Action<BatchProgress>? batchProgress = null)
    {
        Directory.CreateDirectory(runFolder);
        GlobalScalingStatistics = settings.Scaling.Scope == ScalingScope.Global ? GlobalScaling.Fit(settings.Scaling, train) : null;
        var scaler = new WindowScaler(settings.Scaling, GlobalScalingStatistics);
        _scaler = scaler;
        var augmenter = new Augmenter(settings.Augment, train.WindowSamples, train.Channels);
        var schedule = new LearningRateSchedule(settings.Optimizer);
        var watch = new PlateauWatch(settings.Callbacks);
        var epochWeights = ClassWeights.Balanced(EpochOrder.For(train.Labels, EarthquakeCopies, settings.Data.Seed, 0).Select(i => train.Labels[i]));
        _classWeights = epochWeights;
        using var step = new TrainingStep(network, new TrainingOptions
        {
            LearningRate = schedule.RateAt(0),
            WeightDecay = settings.Optimizer.WeightDecay,
            DetectorWeights = epochWeights.Detector,
            ClassifierWeights = epochWeights.Classifier,
            Seed = settings.Data.Seed,
        });

        var reports = new List<EpochReport>();
        var clock = Stopwatch.StartNew();
        for (var epoch = 0; epoch < settings.Optimizer.MaxEpochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var rate = schedule.RateAt(epoch, watch.Reductions, settings.Callbacks.ReduceLrFactor);
            step.SetLearningRate(rate);
            var order = EpochOrder.For(train.Labels, EarthquakeCopies, settings.Data.Seed, epoch);
            var trainLoss = TrainEpoch(step, train, order, scaler, augmenter, epoch, batchProgress, cancellation);
            BatchNormCalibration.Run(network, train, order, scaler, settings.Optimizer.BatchSize, _device);
            var (validationLoss, metrics, confusion) = Validate(validation, scaler, epochWeights, "val_");

            var verdict = watch.Observe(epoch, validationLoss);
            network.save(Path.Combine(runFolder, string.Create(CultureInfo.InvariantCulture, $"epoch_{epoch + 1:D3}.weights")));
            if (verdict == EpochVerdict.Improved)
                network.save(BestCheckpointPath);

            var done = epoch + 1;
            var remaining = clock.Elapsed / done * (settings.Optimizer.MaxEpochs - done);
            var report = new EpochReport(done, settings.Optimizer.MaxEpochs, rate, trainLoss, validationLoss, metrics, confusion, verdict, clock.Elapsed, remaining);
            reports.Add(report);
            AppendCsv(report);
            progress?.Invoke(report);
            if (verdict == EpochVerdict.Stop)
                break;
        }

        // Early stopping and the end of the schedule both hand back the best epoch, as Keras's restore_best_weights did.
        if (File.Exists(BestCheckpointPath))
            network.load(BestCheckpointPath);
        return reports;
    }

    /// <summary>
    /// Loss, metrics and confusion of a labelled set with the network as it is now (after <see cref="Run"/>, the
    /// best epoch's weights), scaled and weighted as in training; metric names start with <paramref name="prefix"/>.
    /// </summary>
    public (double Loss, IReadOnlyDictionary<string, double> Metrics, ConfusionMatrix Confusion) Evaluate(TrainingSet set, string prefix)
    {
        if (_scaler is null)
            throw new InvalidOperationException("Evaluate needs the scaler and class weights of a finished Run.");
        return Validate(set, _scaler, _classWeights, prefix);
    }

    private double TrainEpoch(
        TrainingStep step, TrainingSet train, int[] order, WindowScaler scaler, Augmenter augmenter, int epoch, Action<BatchProgress>? batchProgress, CancellationToken cancellation)
    {
        var random = new Random(unchecked(settings.Data.Seed * 7919 + epoch));
        var batchSize = settings.Optimizer.BatchSize;
        var buffer = new float[Math.Min(batchSize, order.Length) * train.ValuesPerWindow];
        double lossSum = 0;
        var batches = 0;
        foreach (var batch in order.Chunk(batchSize))
        {
            var values = buffer.AsSpan(0, batch.Length * train.ValuesPerWindow);
            for (var i = 0; i < batch.Length; i++)
                train.Window(batch[i]).CopyTo(values.Slice(i * train.ValuesPerWindow, train.ValuesPerWindow));
            augmenter.Apply(values, batch.Length, random);
            for (var i = 0; i < batch.Length; i++)
                scaler.Scale(values.Slice(i * train.ValuesPerWindow, train.ValuesPerWindow), train.Channels);

            using var scope = NewDisposeScope();
            var (windows, detectorTargets, classifierTargets) = Tensors(values.ToArray(), batch.Select(i => train.Labels[i]).ToList(), train);
            lossSum += step.Run(windows, detectorTargets, classifierTargets).Total;
            batches++;
            batchProgress?.Invoke(new BatchProgress(epoch + 1, batches, (order.Length + batchSize - 1) / batchSize, lossSum / batches));
            cancellation.ThrowIfCancellationRequested();
        }
        return lossSum / Math.Max(1, batches);
    }

    private (double Loss, IReadOnlyDictionary<string, double> Metrics, ConfusionMatrix Confusion) Validate(
        TrainingSet validation, WindowScaler scaler, (BinaryClassWeights Detector, BinaryClassWeights Classifier) weights, string prefix)
    {
        var detector = new BinaryMetrics(settings.Model.DetectorThreshold);
        var classifier = new BinaryMetrics(settings.Model.ClassifierThreshold);
        var confusion = new ConfusionMatrix();
        var thresholds = new DecisionThresholds(settings.Model.DetectorThreshold, settings.Model.ClassifierThreshold);
        double lossSum = 0;
        var batches = 0;
        network.eval();
        using var noGradient = no_grad();
        foreach (var batch in Enumerable.Range(0, validation.Count).Chunk(settings.Optimizer.BatchSize))
        {
            var values = validation.ScaledWindows(batch, scaler);
            var labels = batch.Select(i => validation.Labels[i]).ToList();

            using var scope = NewDisposeScope();
            var (windows, detectorTargets, classifierTargets) = Tensors(values, labels, validation);
            var logits = network.forward(windows);
            lossSum += TwoHeadLoss.Compute(logits, detectorTargets, classifierTargets, weights.Detector, weights.Classifier).Total.item<float>()
                + network.L2Penalty().item<float>();
            batches++;

            var detectorProbabilities = sigmoid(logits.Detector).cpu().data<float>().ToArray();
            var classifierProbabilities = sigmoid(logits.Classifier).cpu().data<float>().ToArray();
            for (var i = 0; i < labels.Count; i++)
            {
                detector.Add(detectorProbabilities[i], labels[i] != SampleLabel.Noise);
                // The classifier is judged on events only, as its loss is.
                if (labels[i] != SampleLabel.Noise)
                    classifier.Add(classifierProbabilities[i], labels[i] == SampleLabel.Explosion);
                confusion.Add(labels[i].ToEventLabel(), thresholds.Label(new WindowProbabilities(detectorProbabilities[i], classifierProbabilities[i])));
            }
        }

        var metrics = detector.Named(prefix + "detector_").Concat(classifier.Named(prefix + "classifier_")).ToDictionary();
        return (lossSum / Math.Max(1, batches), metrics, confusion);
    }

    private (Tensor Windows, Tensor Detector, Tensor Classifier) Tensors(float[] values, IReadOnlyList<SampleLabel> labels, TrainingSet set) =>
        (tensor(values, [labels.Count, set.WindowSamples, set.Channels]).to(_device),
         tensor(labels.Select(HeadTargets.Detector).ToArray(), [labels.Count, 1]).to(_device),
         tensor(labels.Select(HeadTargets.Classifier).ToArray(), [labels.Count, 1]).to(_device));

    private void AppendCsv(EpochReport report)
    {
        var isNew = !File.Exists(MetricsCsvPath);
        using var writer = new StreamWriter(MetricsCsvPath, append: true);
        var metricNames = report.Metrics.Keys.Order(StringComparer.Ordinal).ToList();
        if (isNew)
            writer.WriteLine(string.Join(',', new[] { "epoch", "learning_rate", "train_total_loss", "val_total_loss", "verdict" }.Concat(metricNames)));
        writer.WriteLine(string.Join(',', new[]
            {
                report.Epoch.ToString(CultureInfo.InvariantCulture),
                report.LearningRate.ToString("G6", CultureInfo.InvariantCulture),
                report.TrainTotalLoss.ToString("G6", CultureInfo.InvariantCulture),
                report.ValidationTotalLoss.ToString("G6", CultureInfo.InvariantCulture),
                report.Verdict.ToString(),
            }.Concat(metricNames.Select(name => report.Metrics[name].ToString("G6", CultureInfo.InvariantCulture)))));
    }
}
