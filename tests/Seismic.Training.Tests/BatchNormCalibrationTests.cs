using Seismic.Configuration;
using Seismic.Inference.Scaling;
using Seismic.Training.Data;
using Seismic.Training.Models;
using Seismic.Training.Optimization;
using static TorchSharp.torch;

namespace Seismic.Training.Tests;

[Collection(TorchCollection.Name)]
public sealed class BatchNormCalibrationTests
{
    private const int Samples = 40;
    private const int Windows = 6;
    private const int BatchSize = 3;

    private static readonly ScalingSettings MinMax = new() { Type = ScalerType.MinMax, PerChannel = false, Scope = ScalingScope.Local };

    /// <summary>Two filters in the stem and one block: small enough to check the stem's statistics by hand.</summary>
    private static readonly CompactHyperparameters Small = TestNetworks.Compact with
    {
        StemFilters = 2,
        BlockFilters = [2],
        KernelSize = 3,
        TimeSegments = 1,
    };

    [Fact]
    public void Running_statistics_become_the_equal_weight_average_of_the_batch_statistics()
    {
        using var network = (CompactNet)NetworkFactory.Create(Small, Samples, seed: 11);
        var set = RandomSet(seed: 12);
        var (stem, stemNorm) = network.ConvolutionLayers[0];

        BatchNormCalibration.Run(network, set, Enumerable.Range(0, Windows).ToList(), new WindowScaler(MinMax), BatchSize, CPU);

        // By hand: the stem's outputs for each batch of 3 scaled windows; per filter, the mean over windows and
        // time of each batch, and its unbiased variance; then the plain average over the two batches.
        var outputs = StemOutputs(stem.Conv, set); // [window][filter][time]
        for (var filter = 0; filter < 2; filter++)
        {
            var batchMeans = new List<double>();
            var batchVariances = new List<double>();
            foreach (var batch in Enumerable.Range(0, Windows).Chunk(BatchSize))
            {
                var values = batch.SelectMany(w => outputs[w][filter]).ToList();
                var mean = values.Average();
                batchMeans.Add(mean);
                batchVariances.Add(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            }

            Assert.Equal(batchMeans.Average(), stemNorm.running_mean!.data<float>()[filter], 4);
            Assert.Equal(batchVariances.Average(), stemNorm.running_var!.data<float>()[filter], 4);
        }
    }

    [Fact]
    public void The_network_keeps_its_weights_and_momentum_and_is_left_in_eval_mode()
    {
        using var network = NetworkFactory.Create(Small, Samples, seed: 13);
        var weightsBefore = network.parameters().Select(p => p.data<float>().ToArray()).ToList();

        BatchNormCalibration.Run(network, RandomSet(seed: 14), [0, 1, 2, 3], new WindowScaler(MinMax), BatchSize, CPU);

        Assert.Equal(weightsBefore, network.parameters().Select(p => p.data<float>().ToArray()).ToList());
        Assert.All(network.modules().OfType<TorchSharp.Modules.BatchNorm1d>(), norm => Assert.Equal(0.1, norm.momentum));
        Assert.False(network.training);
    }

    [Fact]
    public void After_calibration_eval_mode_normalises_a_batch_as_training_mode_does()
    {
        // One calibration batch: the running statistics are that batch's own, so eval mode on the same batch
        // gives what training mode gives (up to the biased/unbiased variance, 120 vs 119 values per filter).
        using var network = NetworkFactory.Create(Small, Samples, seed: 15);
        var set = RandomSet(seed: 16);
        var scaled = Scaled(set);

        BatchNormCalibration.Run(network, set, Enumerable.Range(0, Windows).ToList(), new WindowScaler(MinMax), Windows, CPU);
        using var input = tensor(scaled, [Windows, Samples, 3]);
        float[] evalLogits, trainLogits;
        using (no_grad())
        {
            network.eval();
            evalLogits = network.forward(input).Detector.data<float>().ToArray();
            network.train();
            foreach (var dropout in network.modules().OfType<TorchSharp.Modules.Dropout>())
                dropout.eval();
            trainLogits = network.forward(input).Detector.data<float>().ToArray();
        }

        for (var i = 0; i < Windows; i++)
            Assert.Equal(trainLogits[i], evalLogits[i], 0.02);
    }

    private static TrainingSet RandomSet(int seed)
    {
        var random = new Random(seed);
        var values = new float[Windows * Samples * 3];
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)(random.NextDouble() * 200 - 100);
        return new TrainingSet(values, Enumerable.Repeat(SampleLabel.Noise, Windows).ToList(), Samples, 3);
    }

    private static float[] Scaled(TrainingSet set)
    {
        var scaler = new WindowScaler(MinMax);
        var values = set.Windows.ToArray();
        for (var w = 0; w < set.Count; w++)
            scaler.Scale(values.AsSpan(w * set.ValuesPerWindow, set.ValuesPerWindow), set.Channels);
        return values;
    }

    private static double[][][] StemOutputs(TorchSharp.Modules.Conv1d stem, TrainingSet set)
    {
        using var scope = NewDisposeScope();
        using var noGradient = no_grad();
        var output = stem.forward(tensor(Scaled(set), [set.Count, set.WindowSamples, set.Channels]).transpose(1, 2));
        var length = (int)output.shape[2];
        var values = output.contiguous().data<float>().ToArray();
        return Enumerable.Range(0, set.Count)
            .Select(w => Enumerable.Range(0, 2)
                .Select(f => Enumerable.Range(0, length).Select(t => (double)values[(((w * 2) + f) * length) + t]).ToArray())
                .ToArray())
            .ToArray();
    }
}
