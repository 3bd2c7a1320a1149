using Seismic.Training.Loss;
using Seismic.Training.Models;
using Seismic.Training.Optimization;
using static TorchSharp.torch;

namespace Seismic.Training.Tests;

[Collection(TorchCollection.Name)]
public sealed class TrainingStepTests
{
    private static readonly TrainingOptions Options = new()
    {
        LearningRate = 1e-3,
        DetectorWeights = new BinaryClassWeights(0.8, 1.3),
        ClassifierWeights = new BinaryClassWeights(1.1, 0.9),
        Seed = 5,
    };

    [Fact]
    public void Same_seed_and_batches_give_the_same_losses()
    {
        var first = Train(TestNetworks.CnnDense with { Dropout = 0.3 }, steps: 3);
        var second = Train(TestNetworks.CnnDense with { Dropout = 0.3 }, steps: 3);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Repeated_steps_on_one_batch_lower_its_loss()
    {
        var losses = Train(TestNetworks.Compact with { Dropout = 0 }, steps: 15);

        Assert.True(losses[^1].Total < losses[0].Total, $"loss went from {losses[0].Total} to {losses[^1].Total}");
    }

    [Fact]
    public void Cnn_dense_step_adds_its_l2_penalty_to_the_loss()
    {
        using var network = (CnnDense)NetworkFactory.Create(TestNetworks.CnnDense, 200, seed: 1);
        var expected = network.Convolutions.Select(c => c.weight!).Concat(network.DenseLayers.Select(d => d.weight!))
            .Sum(w => w.square().sum().item<float>()) * TestNetworks.CnnDense.L2;
        using var step = new TrainingStep(network, Options);
        using var windows = rand(4, 200, 3);
        using var detectorLabels = tensor(new float[] { 1, 0, 1, 1 }).unsqueeze(1);
        using var classifierLabels = tensor(new float[] { 0, 1, 1, 0 }).unsqueeze(1);

        var losses = step.Run(windows, detectorLabels, classifierLabels);

        Assert.True(expected > 0);
        Assert.Equal(expected, losses.L2Penalty, expected * 1e-5);
        Assert.Equal(losses.Detector + losses.Classifier + losses.L2Penalty, losses.Total, 1e-5);
    }

    private static List<TrainingStepLosses> Train(Configuration.ModelHyperparameters hyperparameters, int steps)
    {
        using var network = NetworkFactory.Create(hyperparameters, 200, seed: 2);
        using var generator = new Generator(9);
        using var windows = rand([6, 200, 3], generator: generator);
        using var detectorLabels = tensor(new float[] { 1, 0, 1, 1, 0, 1 }).unsqueeze(1);
        using var classifierLabels = tensor(new float[] { 0, 1, 1, 0, 1, 1 }).unsqueeze(1);
        using var step = new TrainingStep(network, Options);
        return Enumerable.Range(0, steps).Select(_ => step.Run(windows, detectorLabels, classifierLabels)).ToList();
    }
}
