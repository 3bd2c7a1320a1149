using Seismic.Configuration;
using Seismic.Training.Models;

namespace Seismic.Training.Tests;

/// <summary>The seed's hyperparameters (config/models/*.yaml) and the window length they were trained for.</summary>
internal static class TestNetworks
{
    /// <summary>240 s at 40 Hz, plus one sample.</summary>
    public const long SeedWindowSamples = 9601;

    public static AlexNetHyperparameters AlexNet { get; } = new()
    {
        Architecture = ModelArchitecture.AlexNet,
        PoolType = PoolType.Max,
        Initializer = WeightInitializer.GlorotUniform,
    };

    public static CnnDenseHyperparameters CnnDense { get; } = new()
    {
        Architecture = ModelArchitecture.CnnDense,
        Filters = [32, 128, 128],
        KernelSizes = [7, 7, 3],
        Activation = Activation.Relu,
        L2 = 0.001,
        Dropout = 0.001,
        PoolType = PoolType.Max,
        DenseUnits = [128, 128],
        Initializer = WeightInitializer.GlorotUniform,
    };

    /// <summary>The shipped config/models/compact.yaml, so the size limits are checked on what users run.</summary>
    public static CompactHyperparameters Compact { get; } = (CompactHyperparameters)ModelHyperparametersLoader.Load(
        Path.Combine(Seismic.TestSupport.RepositoryPaths.Root, "config", "models", "compact.yaml"));
}
