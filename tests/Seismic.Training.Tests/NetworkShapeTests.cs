using Seismic.Configuration;
using Seismic.Training.Models;
using static TorchSharp.torch;

namespace Seismic.Training.Tests;

[Collection(TorchCollection.Name)]
public sealed class NetworkShapeTests
{
    [Theory]
    [InlineData(401)]
    [InlineData(402)]
    public void AlexNet_gives_one_detector_and_one_classifier_logit_per_window(long windowSamples)
    {
        using var network = NetworkFactory.Create(TestNetworks.AlexNet, windowSamples, seed: 1);
        network.eval();
        using var input = rand(2, windowSamples, 3);

        var (detector, classifier) = network.forward(input);

        Assert.Equal([2L, 1L], detector.shape);
        Assert.Equal([2L, 1L], classifier.shape);
    }

    [Fact]
    public void CnnDense_gives_one_detector_and_one_classifier_logit_per_window()
    {
        using var network = NetworkFactory.Create(TestNetworks.CnnDense, 400, seed: 1);
        network.eval();
        using var input = rand(3, 400, 3);

        var (detector, classifier) = network.forward(input);

        Assert.Equal([3L, 1L], detector.shape);
        Assert.Equal([3L, 1L], classifier.shape);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(97)]
    [InlineData(2000)]
    public void Compact_is_built_for_any_window_length(long windowSamples)
    {
        using var network = NetworkFactory.Create(TestNetworks.Compact, windowSamples, seed: 1);
        network.eval();
        using var input = rand(2, windowSamples, 3);

        var (detector, classifier) = network.forward(input);

        Assert.Equal([2L, 1L], detector.shape);
        Assert.Equal([2L, 1L], classifier.shape);
    }

    [Fact]
    public void Compact_with_time_segments_refuses_a_window_of_another_length()
    {
        using var network = NetworkFactory.Create(TestNetworks.Compact, 2000, seed: 1);
        using var input = rand(1, 1999, 3);

        var error = Assert.Throws<ArgumentException>(() => network.forward(input));
        Assert.Contains("2000 samples", error.Message);
    }

    [Fact]
    public void Compact_with_one_global_average_takes_any_window_length()
    {
        using var network = NetworkFactory.Create(TestNetworks.Compact with { TimeSegments = 1 }, 2000, seed: 1);
        network.eval();

        foreach (var samples in new[] { 1L, 97L, 2001L })
        {
            using var input = rand(2, samples, 3);
            var (detector, _) = network.forward(input);
            Assert.Equal([2L, 1L], detector.shape);
        }
        Assert.Null(network.WindowSamples);
    }

    [Fact]
    public void AlexNet_flattens_a_seed_window_to_299_times_256_features()
    {
        using var network = new AlexNet1d(TestNetworks.AlexNet, TestNetworks.SeedWindowSamples);

        Assert.Equal(299L * 256, network.FlattenedFeatures);
        Assert.Equal((5L, 5L), (network.ConvolutionLayers[0].PadLeftSamples, network.ConvolutionLayers[0].PadRightSamples));
    }

    [Fact]
    public void CnnDense_flattens_a_seed_window_to_1196_times_128_features()
    {
        using var network = new CnnDense(TestNetworks.CnnDense, TestNetworks.SeedWindowSamples);

        Assert.Equal(1196L * 128, network.FlattenedFeatures);
    }

    [Fact]
    public void AlexNet_refuses_a_window_of_another_length()
    {
        using var network = NetworkFactory.Create(TestNetworks.AlexNet, 401, seed: 1);
        using var input = rand(1, 400, 3);

        Assert.Throws<ArgumentException>(() => network.forward(input));
    }

    [Fact]
    public void Networks_refuse_channels_first_windows()
    {
        using var network = NetworkFactory.Create(TestNetworks.Compact, 100, seed: 1);
        using var input = rand(1, 3, 100);

        Assert.Throws<ArgumentException>(() => network.forward(input));
    }

    [Fact]
    public void Same_seed_gives_the_same_initial_weights()
    {
        using var first = NetworkFactory.Create(TestNetworks.CnnDense, 400, seed: 7);
        using var second = NetworkFactory.Create(TestNetworks.CnnDense, 400, seed: 7);
        using var third = NetworkFactory.Create(TestNetworks.CnnDense, 400, seed: 8);

        var pairs = first.parameters().Zip(second.parameters());
        Assert.All(pairs, pair => Assert.True(pair.First.equal(pair.Second).all().item<bool>()));
        Assert.False(first.parameters().First().equal(third.parameters().First()).all().item<bool>());
    }
}
