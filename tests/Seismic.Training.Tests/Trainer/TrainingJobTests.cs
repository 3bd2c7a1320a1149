using Seismic.Datasets.SeisBench;
using Seismic.Inference.Onnx;
using Seismic.Trainer.Processing;

namespace Seismic.Training.Tests.Trainer;

[Collection(TorchCollection.Name)]
public sealed class TrainingJobTests : IDisposable
{
    private readonly TrainerFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private TrainingRequest Request(string dataset, string architecture = "compact", Dictionary<string, string>? overrides = null) =>
        new(Guid.NewGuid(), dataset, architecture, "quick", overrides ?? TrainerFixture.QuickOverrides());

    [Fact]
    public void Should_register_a_model_that_onnx_runtime_loads_with_validation_and_test_figures()
    {
        var dataset = _fixture.WriteDataset("separable", perClass: 32);
        var epochs = new List<int>();
        TrainingPlan? plan = null;

        var outcome = new TrainingJob(_fixture.SettingsPath).Run(
            Request(dataset, overrides: TrainerFixture.QuickOverrides(epochs: 8)),
            new TrainingCallbacks { Started = p => plan = p, EpochFinished = e => epochs.Add(e.Epoch) },
            CancellationToken.None);

        Assert.NotNull(plan);
        Assert.Equal((96, 96, 96), (plan.TrainWindows, plan.ValidationWindows, plan.TestWindows));
        Assert.Equal(1, epochs[0]);
        var card = outcome.Model.Card;
        Assert.Equal(("quick", 1, "compact", TrainerFixture.WindowSamples), (card.Name, card.Version, card.Architecture, card.WindowSamples));
        Assert.StartsWith(_fixture.ModelsDir, outcome.Model.OnnxPath, StringComparison.Ordinal);
        Assert.Contains("val_detector_accuracy", card.Metrics.Keys);
        Assert.Contains("test_classifier_f1", card.Metrics.Keys);
        Assert.Contains("test_total_loss", card.Metrics.Keys);
        using (var opened = SeisBenchDataset.Open(dataset))
            Assert.Equal(opened.ContentSha256, card.DatasetSha256);
        using var model = ClassifierModel.Load(outcome.Model.OnnxPath, TrainerFixture.WindowSamples);
        // Separable data and a few epochs: the detector is well above chance on the test split.
        Assert.True(card.Metrics["test_detector_accuracy"] > 0.8, $"test detector accuracy {card.Metrics["test_detector_accuracy"]:F2}");
    }

    [Fact]
    public void Should_refuse_an_unknown_architecture_and_say_which_exist()
    {
        var dataset = _fixture.WriteDataset("small", perClass: 2);

        var refused = Assert.Throws<TrainingRejectedException>(() =>
            new TrainingJob(_fixture.SettingsPath).Run(Request(dataset, architecture: "resnet"), new TrainingCallbacks(), CancellationToken.None));

        Assert.Contains("model.architecture", refused.Message);
        Assert.Contains("resnet", refused.Message);
        Assert.Contains("compact", refused.Message);
    }

    [Fact]
    public void Should_refuse_a_dataset_whose_windows_are_not_the_configured_length()
    {
        var dataset = _fixture.WriteDataset("short", perClass: 2, samples: 201);

        var refused = Assert.Throws<TrainingRejectedException>(() =>
            new TrainingJob(_fixture.SettingsPath).Run(Request(dataset), new TrainingCallbacks(), CancellationToken.None));

        Assert.Contains("201 samples", refused.Message);
        Assert.Contains("401 samples", refused.Message);
    }

    [Fact]
    public void Should_refuse_a_dataset_that_does_not_exist_naming_it()
    {
        var missing = Path.Combine(_fixture.Folder, "no-such-dataset");

        var refused = Assert.Throws<TrainingRejectedException>(() =>
            new TrainingJob(_fixture.SettingsPath).Run(Request(missing), new TrainingCallbacks(), CancellationToken.None));

        Assert.Contains("no-such-dataset", refused.Message);
    }

    [Fact]
    public void Should_refuse_a_bad_override_naming_the_key()
    {
        var dataset = _fixture.WriteDataset("small", perClass: 2);
        var overrides = TrainerFixture.QuickOverrides();
        overrides["optimizer.max_epoch"] = "3";

        var refused = Assert.Throws<TrainingRejectedException>(() =>
            new TrainingJob(_fixture.SettingsPath).Run(Request(dataset, overrides: overrides), new TrainingCallbacks(), CancellationToken.None));

        Assert.Contains("optimizer.max_epoch", refused.Message);
    }
}
