using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Seismic.Inference.Onnx;
using Seismic.Training.Export;
using Seismic.Training.Models;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Seismic.Training.Tests;

[Collection(TorchCollection.Name)]
public sealed class OnnxExporterTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-4f;

    [Fact]
    public void AlexNet_in_onnx_runtime_gives_the_logits_torch_gives()
    {
        // 402 samples: a short window (the 4096-unit dense layers stay 28 M parameters) whose first 'same'
        // convolution pads asymmetrically (4 left, 5 right), the Keras case torch's padding cannot express.
        using var network = NetworkFactory.Create(TestNetworks.AlexNet, 402, seed: 3);
        Assert.Equal((4L, 5L), (((AlexNet1d)network).ConvolutionLayers[0].PadLeftSamples, ((AlexNet1d)network).ConvolutionLayers[0].PadRightSamples));

        var difference = MaxDifference(network, batch: 3, windowSamples: 402);
        output.WriteLine($"AlexNet-1D, 402 samples: max |torch − ONNX Runtime| = {difference:E2}");

        Assert.InRange(difference, 0, Tolerance);
    }

    [Fact]
    public void CnnDense_in_onnx_runtime_gives_the_logits_torch_gives()
    {
        using var network = NetworkFactory.Create(TestNetworks.CnnDense, 1000, seed: 3);

        var difference = MaxDifference(network, batch: 3, windowSamples: 1000);
        output.WriteLine($"CNN-dense, 1000 samples: max |torch − ONNX Runtime| = {difference:E2}");

        Assert.InRange(difference, 0, Tolerance);
    }

    [Theory]
    [InlineData(Configuration.Activation.Elu, Configuration.PoolType.Average)]
    [InlineData(Configuration.Activation.Gelu, Configuration.PoolType.Max)]
    [InlineData(Configuration.Activation.Tanh, Configuration.PoolType.Max)]
    public void CnnDense_exports_every_configurable_activation_and_pooling(Configuration.Activation activation, Configuration.PoolType poolType)
    {
        var hyperparameters = TestNetworks.CnnDense with { Activation = activation, PoolType = poolType };
        using var network = NetworkFactory.Create(hyperparameters, 300, seed: 4);

        var difference = MaxDifference(network, batch: 2, windowSamples: 300);
        output.WriteLine($"CNN-dense {activation}/{poolType}, 300 samples: max |torch − ONNX Runtime| = {difference:E2}");

        Assert.InRange(difference, 0, Tolerance);
    }

    [Fact]
    public void Compact_in_onnx_runtime_gives_the_logits_torch_gives_at_the_seed_window_length()
    {
        using var network = NetworkFactory.Create(TestNetworks.Compact, TestNetworks.SeedWindowSamples, seed: 3);

        var difference = MaxDifference(network, batch: 4, windowSamples: TestNetworks.SeedWindowSamples);
        output.WriteLine($"Compact, 9601 samples: max |torch − ONNX Runtime| = {difference:E2}");

        Assert.InRange(difference, 0, Tolerance);
    }

    [Theory]
    [InlineData(1500)] // 12 feature samples over 8 segments: segments overlap by one sample, as in torch
    [InlineData(300)]  // 3 feature samples over 8 segments: each sample feeds several segments
    public void Compact_time_segments_in_onnx_runtime_average_what_torch_averages(long windowSamples)
    {
        using var network = NetworkFactory.Create(TestNetworks.Compact, windowSamples, seed: 4);

        var difference = MaxDifference(network, batch: 3, windowSamples: windowSamples);
        output.WriteLine($"Compact, {windowSamples} samples: max |torch − ONNX Runtime| = {difference:E2}");

        Assert.InRange(difference, 0, Tolerance);
    }

    [Fact]
    public void Compact_with_one_global_average_takes_any_batch_and_window_length_in_one_session()
    {
        using var network = NetworkFactory.Create(TestNetworks.Compact with { TimeSegments = 1 }, 0, seed: 5);
        RandomizeBatchNorms(network);
        network.eval();
        using var session = new InferenceSession(OnnxExporter.Export(network).ToByteArray());

        foreach (var (batch, samples) in new[] { (1L, 500L), (5L, 1201L) })
        {
            var difference = MaxDifference(network, session, batch, samples);
            Assert.InRange(difference, 0, Tolerance);
        }
    }

    [Fact]
    public void Exported_models_pass_the_classifiers_contract_check()
    {
        using var network = NetworkFactory.Create(TestNetworks.CnnDense, 400, seed: 6);
        var path = Path.Combine(Path.GetTempPath(), $"seismic-export-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxExporter.Save(network, path);

            using var model = ClassifierModel.Load(path, windowSamples: 400);
            var probabilities = model.Predict(new float[2 * 400 * 3], 2);

            Assert.Equal(2, probabilities.Length);
            Assert.Throws<ModelLoadException>(() => ClassifierModel.Load(path, windowSamples: 401));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Exports <paramref name="network"/> with non-trivial batch-norm statistics and compares its eval-mode logits with ONNX Runtime's.</summary>
    private static float MaxDifference(TwoHeadNetwork network, long batch, long windowSamples)
    {
        RandomizeBatchNorms(network);
        network.eval();
        using var session = new InferenceSession(OnnxExporter.Export(network).ToByteArray());
        return MaxDifference(network, session, batch, windowSamples);
    }

    private static float MaxDifference(TwoHeadNetwork network, InferenceSession session, long batch, long windowSamples)
    {
        // Min-max scaled windows lie in [0, 1], as the classifier feeds them.
        using var input = rand(batch, windowSamples, 3);
        var values = input.data<float>().ToArray();

        float[] torchDetector, torchClassifier;
        using (no_grad())
        {
            var (detector, classifier) = network.forward(input);
            torchDetector = detector.data<float>().ToArray();
            torchClassifier = classifier.data<float>().ToArray();
            detector.Dispose();
            classifier.Dispose();
        }

        using var onnxInput = OrtValue.CreateTensorValueFromMemory(values, [batch, windowSamples, 3]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [OnnxExporter.InputName], [onnxInput], [OnnxExporter.DetectorOutput, OnnxExporter.ClassifierOutput]);
        var onnxDetector = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        var onnxClassifier = outputs[1].GetTensorDataAsSpan<float>().ToArray();

        Assert.Equal(batch, onnxDetector.Length);
        Assert.Equal(batch, onnxClassifier.Length);
        // Logits of exactly zero would make the comparison pass trivially.
        Assert.Contains(torchDetector, logit => logit != 0);
        return torchDetector.Zip(onnxDetector).Concat(torchClassifier.Zip(onnxClassifier)).Max(pair => Math.Abs(pair.First - pair.Second));
    }

    /// <summary>Fresh batch norms have mean 0 and variance 1, which would hide a wrongly exported statistic.</summary>
    internal static void RandomizeBatchNorms(TwoHeadNetwork network)
    {
        manual_seed(11);
        using var noGrad = no_grad();
        foreach (var norm in network.modules().OfType<BatchNorm1d>())
        {
            var features = norm.num_features;
            norm.running_mean!.copy_(randn(features) * 0.1);
            norm.running_var!.copy_(rand(features) + 0.5);
            norm.weight!.copy_(randn(features) * 0.1 + 1);
            norm.bias!.copy_(randn(features) * 0.1);
        }
    }
}
