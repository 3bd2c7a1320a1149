using Seismic.Configuration;
using Seismic.Training.Models;

namespace Seismic.Training.Tests;

[Collection(TorchCollection.Name)]
public sealed class KerasInitializerTests
{
    [Theory]
    [InlineData(WeightInitializer.GlorotUniform)]
    [InlineData(WeightInitializer.HeUniform)]
    public void Uniform_initializers_stay_within_the_keras_limit(WeightInitializer initializer)
    {
        using var network = (CnnDense)NetworkFactory.Create(TestNetworks.CnnDense with { Initializer = initializer }, 200, seed: 3);
        var kernel = network.Convolutions[1].weight!;
        // Kernel [128, 32, 7]: fan-in 224, fan-out 896.
        var limit = initializer == WeightInitializer.GlorotUniform ? Math.Sqrt(6.0 / (224 + 896)) : Math.Sqrt(6.0 / 224);

        var largest = kernel.abs().max().item<float>();

        Assert.InRange(largest, 0.9 * limit, limit);
        Assert.Equal(0f, network.Convolutions[1].bias!.abs().max().item<float>());
    }

    [Theory]
    [InlineData(WeightInitializer.GlorotNormal)]
    [InlineData(WeightInitializer.HeNormal)]
    public void Normal_initializers_are_truncated_at_two_corrected_deviations(WeightInitializer initializer)
    {
        using var network = (CnnDense)NetworkFactory.Create(TestNetworks.CnnDense with { Initializer = initializer }, 200, seed: 3);
        var kernel = network.Convolutions[1].weight!;
        var deviation = initializer == WeightInitializer.GlorotNormal ? Math.Sqrt(2.0 / (224 + 896)) : Math.Sqrt(2.0 / 224);

        var largest = kernel.abs().max().item<float>();
        var measuredDeviation = kernel.std().item<float>();

        Assert.InRange(largest, 1.8 * deviation / 0.8796, 2 * deviation / 0.8796 * (1 + 1e-6));
        // Keras' correction keeps the variance at the one asked for, within sampling error over 28,672 weights.
        Assert.InRange(measuredDeviation, 0.97 * deviation, 1.03 * deviation);
    }
}
