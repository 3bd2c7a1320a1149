using Seismic.Training.Models;
using TorchSharp.Modules;

namespace Seismic.Training.Tests;

/// <summary>Parameter counts against SPEC.md §3, counted on the built networks at the seed's 9601-sample window.</summary>
[Collection(TorchCollection.Name)]
public sealed class NetworkSizeTests
{
    [Fact]
    public void AlexNet_has_the_parameters_spec_section_3_counts()
    {
        using var network = new AlexNet1d(TestNetworks.AlexNet, TestNetworks.SeedWindowSamples);

        var convolution = network.ConvolutionLayers.Sum(layer => layer.Conv.parameters().Sum(p => p.numel()));
        var batchNormKeras = network.modules().OfType<BatchNorm1d>().Sum(bn => 4 * bn.num_features);
        Assert.Equal(1_159_616, convolution);
        Assert.Equal(5_504, batchNormKeras);
        Assert.Equal(313_528_320, network.Dense1.parameters().Sum(p => p.numel()));
        Assert.Equal(16_781_312, network.Dense2.parameters().Sum(p => p.numel()));
        Assert.Equal(8_194, network.DetectorHead.parameters().Concat(network.ClassifierHead.parameters()).Sum(p => p.numel()));
        // Keras' count (the SPEC's ≈ 331.5 M) includes the batch norms' moving statistics; torch keeps those as buffers.
        Assert.Equal(331_482_946, network.KerasParameterCount());
        Assert.Equal(331_482_946 - 2_752, network.TrainableParameterCount());
    }

    [Fact]
    public void CnnDense_has_the_parameters_of_the_seed_configuration()
    {
        using var network = new CnnDense(TestNetworks.CnnDense, TestNetworks.SeedWindowSamples);

        // Convolutions 704 + 28,800 + 49,280; batch norms (Keras) 4 × 288; dense 19,595,392 + 16,512; heads 258.
        Assert.Equal(19_692_098, network.KerasParameterCount());
        Assert.Equal(19_692_098 - 576, network.TrainableParameterCount());
        Assert.Equal(153_088 * 128 + 128, network.DenseLayers[0].parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Compact_has_under_a_million_parameters()
    {
        using var network = new CompactNet(TestNetworks.Compact, TestNetworks.SeedWindowSamples);

        Assert.InRange(network.TrainableParameterCount(), 10_000, 999_999);
    }

    [Fact]
    public void Compact_needs_under_50_megaflops_per_seed_window()
    {
        using var network = new CompactNet(TestNetworks.Compact, TestNetworks.SeedWindowSamples);

        Assert.InRange(network.FlopsPerWindow(TestNetworks.SeedWindowSamples), 10_000_000, 49_999_999);
    }

    [Fact]
    public void Flop_count_of_a_single_dense_layer_is_exact()
    {
        // One block of 1 filter, kernel 1, no dense layer: 9601 conv MACs on 3 channels, pool to 4800, heads 2 × 4800.
        var hyperparameters = TestNetworks.CnnDense with { Filters = [1], KernelSizes = [1], DenseUnits = [] };
        using var network = new CnnDense(hyperparameters, TestNetworks.SeedWindowSamples);

        Assert.Equal(2 * (9601L * 3 + 2 * 4800), network.FlopsPerWindow(TestNetworks.SeedWindowSamples));
    }

    [Fact]
    public void AlexNet_needs_2_2_gigaflops_per_seed_window()
    {
        // The count is a function of the window length it is given, so a short build (28 M parameters, not 331 M) does.
        using var network = new AlexNet1d(TestNetworks.AlexNet, 402);

        // Multiply-accumulates: convolutions 2401·96·3·11 + 1200·256·96·5 + 599·384·256·3 + 599·384·384·3
        // + 599·256·384·3, dense 76,544·4096 + 4096·4096, heads 2·4096.
        Assert.Equal(2 * 1_103_655_008L, network.FlopsPerWindow(TestNetworks.SeedWindowSamples));
    }
}
