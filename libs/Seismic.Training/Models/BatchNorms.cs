using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seismic.Training.Models;

/// <summary>A batch norm's forward pass, as TorchSharp's BatchNorm1d.forward computes it, without its racy batch count.</summary>
public static class BatchNorms
{
    /// <summary>
    /// TorchSharp 0.107's BatchNorm.forward counts batches with num_batches_tracked.add_(1), which makes two
    /// temporary Scalars and hands their native handles to libtorch after the last managed reference: the garbage
    /// collector may free them during the call, and libtorch then reads garbage ("Expected false to be true ...
    /// toLong", seen once in a training test on a loaded machine). This one lives as long as the process.
    /// </summary>
    private static readonly Scalar One = 1L;

    /// <summary>
    /// Normalises <paramref name="input"/> with the batch's statistics while training (updating the running ones
    /// by the norm's momentum), with the running statistics otherwise: what BatchNorm1d.forward does for a norm that
    /// tracks running statistics with a non-zero momentum, as every norm of Seismic's networks does.
    /// </summary>
    public static Tensor Normalize(this BatchNorm1d norm, Tensor input)
    {
        if (norm.training && norm.num_batches_tracked is { } batches)
            batches.add_(One, One);
        return nn.functional.batch_norm(input, norm.running_mean, norm.running_var, norm.weight, norm.bias,
            norm.training, norm.momentum ?? 0.1, norm.eps);
    }
}
