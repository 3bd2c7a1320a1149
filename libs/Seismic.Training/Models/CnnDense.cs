using Seismic.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seismic.Training.Models;

/// <summary>
/// The seed's CNN-dense model (SPEC.md §3): blocks of "conv (valid) → batch norm → activation → dropout → pool 2",
/// flatten, dense layers each followed by the activation and dropout, then the two heads. With filters
/// 32/128/128 and kernels 7/7/3 a 9601-sample window flattens to 1196 × 128 = 153,088 features.
/// Unlike the seed, the configured L2 penalty is applied (through <see cref="L2Penalty"/>).
/// </summary>
public sealed class CnnDense : TwoHeadNetwork
{
    public const long PoolSizeSamples = 2;

    private readonly long _windowSamples;
    private readonly ModuleList<Conv1d> convs = new();
    private readonly ModuleList<BatchNorm1d> norms = new();
    private readonly ModuleList<Linear> dense = new();
    private readonly Dropout dropout;
    private readonly Linear detector;
    private readonly Linear classifier;

    public CnnDense(CnnDenseHyperparameters hyperparameters, long windowSamples, Generator? generator = null) : base(nameof(CnnDense))
    {
        Hyperparameters = hyperparameters;
        _windowSamples = windowSamples;

        var channels = (long)Channels;
        var length = windowSamples;
        for (var i = 0; i < hyperparameters.Filters.Count; i++)
        {
            var conv = nn.Conv1d(channels, hyperparameters.Filters[i], hyperparameters.KernelSizes[i]);
            KerasCompatibility.Initialize(conv, hyperparameters.Initializer, generator);
            convs.Add(conv);
            norms.Add(KerasCompatibility.BatchNorm(hyperparameters.Filters[i]));
            length = (length - hyperparameters.KernelSizes[i] + 1) / PoolSizeSamples;
            if (length < 1)
                throw new ArgumentOutOfRangeException(nameof(windowSamples), windowSamples, "the window is too short for the convolution blocks");
            channels = hyperparameters.Filters[i];
        }
        FlattenedFeatures = channels * length;

        var features = FlattenedFeatures;
        foreach (var units in hyperparameters.DenseUnits)
        {
            var layer = nn.Linear(features, units);
            KerasCompatibility.Initialize(layer, hyperparameters.Initializer, generator);
            dense.Add(layer);
            features = units;
        }
        dropout = nn.Dropout(hyperparameters.Dropout);
        (detector, classifier) = KerasCompatibility.Heads(features, hyperparameters.Initializer, generator);
        RegisterComponents();
    }

    public CnnDenseHyperparameters Hyperparameters { get; }

    public override string ArchitectureName => "cnn_dense";

    public override long? WindowSamples => _windowSamples;

    public long FlattenedFeatures { get; }

    public IReadOnlyList<Conv1d> Convolutions => convs.ToList();

    public IReadOnlyList<BatchNorm1d> BatchNorms => norms.ToList();

    public IReadOnlyList<Linear> DenseLayers => dense.ToList();

    public override Linear DetectorHead => detector;

    public override Linear ClassifierHead => classifier;

    public override double L2Coefficient => Hyperparameters.L2;

    /// <summary>
    /// L2 × Σ w² over the convolution and hidden dense kernels, as Keras' kernel_regularizer=l2(L2) would add
    /// to the loss; biases, batch norm and the heads carry none. The seed configured it but never applied it.
    /// </summary>
    public override Tensor L2Penalty()
    {
        var kernels = convs.Select(c => c.weight!).Concat(dense.Select(d => d.weight!));
        var sum = zeros(1, dtype: ScalarType.Float32, device: convs[0].weight!.device).squeeze();
        foreach (var kernel in kernels)
            sum = sum + kernel.square().sum();
        return sum * L2Coefficient;
    }

    public override HeadLogits forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = ToChannelsFirst(input);
        for (var i = 0; i < convs.Count; i++)
        {
            x = dropout.forward(Activate(norms[i].Normalize(convs[i].forward(x))));
            x = Hyperparameters.PoolType == PoolType.Max
                ? nn.functional.max_pool1d(x, PoolSizeSamples, PoolSizeSamples)
                : nn.functional.avg_pool1d(x, PoolSizeSamples, PoolSizeSamples);
        }
        // Channel-major flatten, unlike Keras' sample-major one: see AlexNet1d.forward.
        x = x.flatten(1);
        foreach (var layer in dense)
            x = dropout.forward(Activate(layer.forward(x)));
        var logits = new HeadLogits(detector.forward(x), classifier.forward(x));
        logits.Detector.MoveToOuterDisposeScope();
        logits.Classifier.MoveToOuterDisposeScope();
        return logits;
    }

    public override long MultiplyAccumulatesPerWindow(long windowSamples)
    {
        var total = 0L;
        var channels = (long)Channels;
        var length = windowSamples;
        for (var i = 0; i < Hyperparameters.Filters.Count; i++)
        {
            length -= Hyperparameters.KernelSizes[i] - 1;
            total += length * Hyperparameters.Filters[i] * channels * Hyperparameters.KernelSizes[i];
            length /= PoolSizeSamples;
            channels = Hyperparameters.Filters[i];
        }
        var features = channels * length;
        foreach (var units in Hyperparameters.DenseUnits)
        {
            total += features * units;
            features = units;
        }
        return total + 2 * features;
    }

    private Tensor Activate(Tensor x) => Activations.Apply(Hyperparameters.Activation, x);
}
