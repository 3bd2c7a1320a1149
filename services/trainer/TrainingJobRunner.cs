using System.Diagnostics;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seismic.Contracts.Operations;
using Seismic.Contracts.Training;
using Seismic.Hosting;
using Seismic.Trainer.Processing;
using Seismic.Training.Optimization;

namespace Seismic.Trainer;

/// <summary>
/// Takes queued training commands one at a time (training uses every core, or the GPU) and runs each on a
/// thread of its own. Publishes TrainingProgressed when the job starts (epoch 0) and after every epoch, then
/// ModelPublished, or StageFailed with the reason. A job stopped by shutdown stays queued and starts again.
/// </summary>
public sealed class TrainingJobRunner(
    TrainingQueue queue,
    TrainingJob job,
    IBus bus,
    IMeterFactory meters,
    ILogger<TrainingJobRunner> logger) : BackgroundService
{
    /// <summary>How often the queue folder is looked at when no command arrived in this process (another host may share it).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    /// <summary>Batch progress goes to the log at most this often, so a long epoch still shows it is alive.</summary>
    private static readonly TimeSpan BatchLogInterval = TimeSpan.FromSeconds(30);

    private readonly Meter _meter = meters.Create(ServiceDefaults.TelemetryName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var telemetry = new TrainingTelemetry(_meter);
        while (!stoppingToken.IsCancellationRequested)
        {
            TrainingClaim? claim;
            try
            {
                claim = queue.ClaimNext();
            }
            catch (InvalidDataException error)
            {
                logger.LogError("{Reason}", error.Message);
                continue;
            }

            if (claim is null)
            {
                await queue.WaitForWorkAsync(PollInterval, stoppingToken);
                continue;
            }

            using (claim)
            {
                // TorchSharp blocks its thread for the whole job; keep it off the thread pool the bus needs.
                var finished = await Task.Factory.StartNew(
                    () => RunOne(claim.Command, telemetry, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
                if (finished && !queue.Finish(claim))
                    logger.LogWarning("Training {TrainingId}: its queued command {Path} was removed while it trained; nothing left to move to finished", claim.Command.TrainingId, claim.Path);
            }
        }
    }

    /// <returns>False when shutdown interrupted the job (it stays queued).</returns>
    private async Task<bool> RunOne(TrainModel command, TrainingTelemetry telemetry, CancellationToken stopping)
    {
        var request = new TrainingRequest(command.TrainingId, command.DatasetPath, command.Architecture, command.ModelName, command.ConfigOverrides);
        var tags = new TagList { { "training_id", command.TrainingId.ToString() }, { "model", command.ModelName }, { "architecture", command.Architecture } };
        var lastBatchLog = Stopwatch.StartNew();
        var maxEpochs = 0;
        var callbacks = new TrainingCallbacks
        {
            Started = plan =>
            {
                maxEpochs = plan.MaxEpochs;
                logger.LogInformation(
                    "Training {TrainingId}: {Architecture} on {Device}, {Train} training, {Validation} validation and {Test} test windows, up to {MaxEpochs} epochs; run folder {RunFolder}",
                    command.TrainingId, plan.Architecture, plan.Device, plan.TrainWindows, plan.ValidationWindows, plan.TestWindows, plan.MaxEpochs, plan.RunFolder);
                Publish(new TrainingProgressed
                {
                    TrainingId = command.TrainingId, Epoch = 0, MaxEpochs = plan.MaxEpochs, TrainTotalLoss = 0, LearningRate = 0,
                    ReportedAtUtc = DateTime.UtcNow,
                }, stopping);
            },
            BatchFinished = batch =>
            {
                telemetry.Batches.Add(1, tags);
                if (lastBatchLog.Elapsed < BatchLogInterval)
                    return;
                lastBatchLog.Restart();
                logger.LogInformation("Training {TrainingId}: epoch {Epoch}/{MaxEpochs}, batch {Batch}/{Batches}, mean loss {Loss:F4}",
                    command.TrainingId, batch.Epoch, maxEpochs, batch.BatchesDone, batch.BatchesPerEpoch, batch.MeanTrainLoss);
            },
            EpochFinished = epoch =>
            {
                telemetry.Record(epoch, tags);
                logger.LogInformation(
                    "Training {TrainingId}: epoch {Epoch}/{MaxEpochs} train loss {TrainLoss:F4}, val loss {ValLoss:F4}, lr {LearningRate:G3}, {Verdict}, about {Remaining:F0} s left",
                    command.TrainingId, epoch.Epoch, epoch.MaxEpochs, epoch.TrainTotalLoss, epoch.ValidationTotalLoss, epoch.LearningRate, epoch.Verdict,
                    epoch.EstimatedRemaining.TotalSeconds);
                Publish(new TrainingProgressed
                {
                    TrainingId = command.TrainingId,
                    Epoch = epoch.Epoch,
                    MaxEpochs = epoch.MaxEpochs,
                    TrainTotalLoss = epoch.TrainTotalLoss,
                    ValTotalLoss = epoch.ValidationTotalLoss,
                    LearningRate = epoch.LearningRate,
                    Metrics = epoch.Metrics,
                    EstimatedSecondsRemaining = epoch.EstimatedRemaining.TotalSeconds,
                    ReportedAtUtc = DateTime.UtcNow,
                }, stopping);
            },
        };

        try
        {
            var outcome = job.Run(request, callbacks, stopping);
            var card = outcome.Model.Card;
            logger.LogInformation("Training {TrainingId} published {Model} after {Epochs} epochs ({Metrics})",
                command.TrainingId, card.Id, outcome.EpochsRun, string.Join(", ", outcome.Metrics.Select(m => $"{m.Key} {m.Value:F3}")));
            await bus.Publish(new ModelPublished
            {
                ModelName = card.Name,
                Version = card.Version,
                Architecture = card.Architecture,
                OnnxLocation = outcome.Model.OnnxPath,
                Sha256 = card.OnnxSha256,
                WindowSamples = card.WindowSamples,
                SampleRateHz = card.SampleRateHz,
                Metrics = outcome.Metrics,
                TrainingId = command.TrainingId,
                CreatedAtUtc = card.CreatedUtc,
            }, CancellationToken.None);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogWarning("Training {TrainingId} interrupted by shutdown; it stays queued and starts again with the trainer", command.TrainingId);
            return false;
        }
        catch (TrainingRejectedException rejected)
        {
            logger.LogError("Training {TrainingId} failed: {Reason}", command.TrainingId, rejected.Message);
            await PublishFailure(command, rejected.Message);
            return true;
        }
        catch (Exception unexpected)
        {
            // Not retried: a job that crashed once would crash again and hold the queue; the reason goes to the requester.
            logger.LogError(unexpected, "Training {TrainingId} failed unexpectedly", command.TrainingId);
            await PublishFailure(command, $"unexpected error: {unexpected.GetType().Name}: {unexpected.Message}");
            return true;
        }
    }

    private void Publish<T>(T message, CancellationToken stopping) where T : class =>
        bus.Publish(message, stopping).GetAwaiter().GetResult();

    private Task PublishFailure(TrainModel command, string reason) => bus.Publish(new StageFailed
    {
        Stage = PipelineStage.Trainer,
        SubjectId = command.TrainingId.ToString(),
        MessageType = nameof(TrainModel),
        Reason = reason,
        TrainingId = command.TrainingId,
        FailedAtUtc = DateTime.UtcNow,
    }, CancellationToken.None);

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    /// <summary>The training figures as OpenTelemetry instruments on Seismic's meter.</summary>
    private sealed class TrainingTelemetry(Meter meter)
    {
        public Counter<long> Batches { get; } = meter.CreateCounter<long>("seismic.training.batches", "{batch}", "Training batches done");

        private readonly Counter<long> _epochs = meter.CreateCounter<long>("seismic.training.epochs", "{epoch}", "Training epochs done");
        private readonly Gauge<double> _trainLoss = meter.CreateGauge<double>("seismic.training.train_loss", null, "Mean training loss of the last epoch");
        private readonly Gauge<double> _validationLoss = meter.CreateGauge<double>("seismic.training.val_loss", null, "Validation loss of the last epoch");
        private readonly Gauge<double> _learningRate = meter.CreateGauge<double>("seismic.training.learning_rate", null, "Learning rate of the last epoch");
        private readonly Histogram<double> _epochSeconds = meter.CreateHistogram<double>("seismic.training.epoch.duration", "s", "Wall time per epoch");
        private readonly Gauge<double> _metric = meter.CreateGauge<double>("seismic.training.val_metric", null, "Validation figures of the last epoch, by name");
        private TimeSpan _previousElapsed;

        public void Record(EpochReport epoch, TagList tags)
        {
            _epochs.Add(1, tags);
            _trainLoss.Record(epoch.TrainTotalLoss, tags);
            _validationLoss.Record(epoch.ValidationTotalLoss, tags);
            _learningRate.Record(epoch.LearningRate, tags);
            _epochSeconds.Record((epoch.Elapsed - (epoch.Epoch == 1 ? TimeSpan.Zero : _previousElapsed)).TotalSeconds, tags);
            _previousElapsed = epoch.Elapsed;
            foreach (var (name, value) in epoch.Metrics)
            {
                var metricTags = tags;
                metricTags.Add("name", name);
                _metric.Record(value, metricTags);
            }
        }
    }
}
