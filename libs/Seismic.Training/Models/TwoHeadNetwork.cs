using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seismic.Training.Models;

/// <summary>
/// A backbone followed by the detector and classifier heads. Input: channels-last windows [batch, samples, 3]
/// (the ONNX contract, <c>Seismic.Inference.Onnx.ClassifierModel</c>); the network transposes them itself.
/// </summary>
public abstract class TwoHeadNetwork : nn.Module<Tensor, HeadLogits>
{
    /// <summary>P-beam vertical, S-beam transverse, S-beam radial.</summary>
    public const int Channels = 3;

    protected TwoHeadNetwork(string name) : base(name)
    {
    }

    /// <summary>The architecture's key in config/models/&lt;name&gt;.yaml and in model file names.</summary>
    public abstract string ArchitectureName { get; }

    /// <summary>The one window length, samples, the network takes; null when it takes any length (no flatten before a dense layer).</summary>
    public abstract long? WindowSamples { get; }

    public abstract Linear DetectorHead { get; }

    public abstract Linear ClassifierHead { get; }

    /// <summary>L2 coefficient of <see cref="L2Penalty"/>; 0 when the architecture has none.</summary>
    public virtual double L2Coefficient => 0;

    /// <summary>The regularisation term the training loss adds (Keras kernel_regularizer semantics: coefficient × Σ w²).</summary>
    public virtual Tensor L2Penalty() => zeros(1, dtype: ScalarType.Float32, device: parameters().First().device).squeeze();

    /// <summary>Multiply-accumulates of one forward pass over one window of <paramref name="windowSamples"/> (convolutions and dense layers; batch norm, activations and pooling are left out, under 1 % here).</summary>
    public abstract long MultiplyAccumulatesPerWindow(long windowSamples);

    /// <summary>FLOPs of one window, counting a multiply-accumulate as 2.</summary>
    public long FlopsPerWindow(long windowSamples) => 2 * MultiplyAccumulatesPerWindow(windowSamples);

    /// <summary>Trainable parameters, as torch counts them (batch-norm running statistics are buffers, not parameters).</summary>
    public long TrainableParameterCount() => parameters().Sum(p => p.numel());

    /// <summary>
    /// Parameters as Keras' model.summary() counts them: it adds each batch norm's moving mean and variance,
    /// which torch keeps as buffers. SPEC.md §3 quotes this count.
    /// </summary>
    public long KerasParameterCount() =>
        TrainableParameterCount() + modules().OfType<BatchNorm1d>().Sum(bn => 2 * bn.num_features);

    /// <summary>Checks the input is [batch, samples, 3] and returns it as [batch, 3, samples].</summary>
    protected Tensor ToChannelsFirst(Tensor input)
    {
        if (input.dim() != 3 || input.shape[2] != Channels)
            throw new ArgumentException($"{ArchitectureName} takes windows shaped [batch, samples, {Channels}], got [{string.Join(", ", input.shape)}]", nameof(input));
        if (WindowSamples is long samples && input.shape[1] != samples)
            throw new ArgumentException($"{ArchitectureName} was built for windows of {samples} samples, got {input.shape[1]}", nameof(input));
        return input.transpose(1, 2);
    }
}
