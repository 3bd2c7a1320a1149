using System.Diagnostics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Configuration;
using Seismic.Contracts.Operations;
using Seismic.Contracts.Training;
using Seismic.Hosting;
using Seismic.Inference.Onnx;
using Seismic.Trainer;

namespace Seismic.Training.Tests.Trainer;

/// <summary>The trainer worker on MassTransit's test harness: a TrainModel command in, progress and a model or a failure out.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainerWorkerTests : IAsyncLifetime
{
    private readonly TrainerFixture _fixture = new();
    private ServiceProvider? _provider;
    private ITestHarness? _harness;

    public async Task InitializeAsync()
    {
        var settings = SettingsLoader.Load(_fixture.SettingsPath);
        _provider = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton(settings)
            .AddSingleton(new SettingsFile(_fixture.SettingsPath))
            .AddMassTransitTestHarness(bus => bus.AddTrainerWorker(settings))
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        // Starts the bus and every hosted service, the TrainingJobRunner among them (starting it again here
        // would run two job loops on one queue).
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness!.Stop();
        await _provider!.DisposeAsync();
        _fixture.Dispose();
    }

    private static TrainModel Command(string dataset, string architecture = "compact") => new()
    {
        TrainingId = Guid.NewGuid(),
        DatasetPath = dataset,
        Architecture = architecture,
        ModelName = "bus-trained",
        ConfigOverrides = TrainerFixture.QuickOverrides(epochs: 2),
        RequestedBy = "test",
        RequestedAtUtc = DateTime.UtcNow,
    };

    /// <summary>Training is not bus activity, so the harness's inactivity wait cannot be used; poll with a deadline.</summary>
    private async Task<(ModelPublished? Model, StageFailed? Failure)> Outcome(Guid trainingId)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var model = _harness!.Published.Select<ModelPublished>().Select(m => m.Context.Message).FirstOrDefault(m => m.TrainingId == trainingId);
            var failure = _harness.Published.Select<StageFailed>().Select(m => m.Context.Message).FirstOrDefault(m => m.TrainingId == trainingId);
            if (model is not null || failure is not null)
                return (model, failure);
            await Task.Delay(200);
        }
        return (null, null);
    }

    [Fact]
    public async Task Should_publish_progress_then_a_model_that_loads_in_onnx_runtime()
    {
        var command = Command(_fixture.WriteDataset("bus", perClass: 12));

        await _harness!.Bus.Publish(command);
        var (model, failure) = await Outcome(command.TrainingId);

        Assert.Null(failure);
        Assert.NotNull(model);
        Assert.Equal(("bus-trained", 1, "compact"), (model.ModelName, model.Version, model.Architecture));
        var epochs = _harness.Published.Select<TrainingProgressed>().Select(p => p.Context.Message)
            .Where(p => p.TrainingId == command.TrainingId).Select(p => p.Epoch).ToList();
        Assert.Equal([0, 1, 2], epochs);
        using var loaded = ClassifierModel.Load(model.OnnxLocation, model.WindowSamples);
        Assert.Contains("test_detector_accuracy", model.Metrics.Keys);
    }

    [Fact]
    public async Task Should_publish_the_reason_when_the_command_names_an_unknown_architecture()
    {
        var command = Command(_fixture.WriteDataset("bad", perClass: 2), architecture: "transformer");

        await _harness!.Bus.Publish(command);
        var (model, failure) = await Outcome(command.TrainingId);

        Assert.Null(model);
        Assert.NotNull(failure);
        Assert.Equal(PipelineStage.Trainer, failure.Stage);
        Assert.Contains("transformer", failure.Reason);
        Assert.Contains("model.architecture", failure.Reason);
    }

    [Fact]
    public async Task Should_train_a_repeated_command_once()
    {
        var command = Command(_fixture.WriteDataset("twice", perClass: 6));

        await _harness!.Bus.Publish(command);
        await _harness.Bus.Publish(command);
        var (model, _) = await Outcome(command.TrainingId);
        await Task.Delay(500);

        Assert.NotNull(model);
        Assert.Single(_harness.Published.Select<ModelPublished>().Select(m => m.Context.Message), m => m.TrainingId == command.TrainingId);
    }
}
