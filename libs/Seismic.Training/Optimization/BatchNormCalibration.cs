using Seismic.Inference.Scaling;
using Seismic.Training.Data;
using Seismic.Training.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seismic.Training.Optimization;

/// <summary>
/// Recomputes every batch norm's running mean and variance for the weights as they are now: forward passes in
/// training mode over unaugmented training windows, averaging the batch statistics with equal weight, without
/// gradients. "Precise BN" (Wu and Johnson 2021). The equal weights come from a momentum of 1/(k+1) for the
/// k-th batch (k from 0), which is what torch's cumulative mode (momentum null) computes; it is set by hand
/// because TorchSharp 0.107's cumulative mode increments an int64 batch counter in a way that now and then
/// fails inside a dispose scope ("For integral input tensors, argument alpha must not be a floating point
/// number", seen once in a demo's training), so the counter is detached while calibrating.
/// <para>
/// Why: eval mode, and so validation and the exported model, normalises with the running statistics, which an
/// exponential average updates once per step. They start at mean 0, variance 1, and the activations here are
/// nothing like that; on a small dataset an epoch has too few steps for the average to forget the start (with
/// momentum 0.1 and 10 steps, 35 % of the initial value is left; with Keras' 0.99, 90 %). The network then
/// trains well and predicts one class in eval mode for several epochs; measured on a simulated dataset of 74
/// training windows: eval-mode detector accuracy on the training windows themselves 0.68 (all "event") for
/// five epochs, 0.97 after the first epoch once calibrated.
/// </para>
/// </summary>
public static class BatchNormCalibration
{
    /// <summary>
    /// Windows a calibration passes at most: a few thousand give the population statistics to well under a
    /// percent (Wu and Johnson 2021), and a cap keeps the cost on a large dataset to a fraction of an epoch.
    /// </summary>
    public const int MaxWindows = 2048;

    /// <param name="network">Its batch norms' running statistics are replaced; its weights are untouched.</param>
    /// <param name="set">The training set.</param>
    /// <param name="order">Windows of <paramref name="set"/> to use, in this order, up to <see cref="MaxWindows"/> (the epoch's order, so classes come as training sees them).</param>
    /// <param name="scaler">The training scaler; no augmentation is applied, as in eval mode.</param>
    /// <param name="batchSize">Windows per forward pass.</param>
    /// <param name="device">Where the network is.</param>
    public static void Run(TwoHeadNetwork network, TrainingSet set, IReadOnlyList<int> order, WindowScaler scaler, int batchSize, Device device)
    {
        var norms = network.modules().OfType<BatchNorm1d>().ToList();
        if (norms.Count == 0 || order.Count == 0)
            return;

        var momenta = norms.Select(norm => norm.momentum).ToList();
        foreach (var norm in norms)
        {
            norm.reset_running_stats();
            norm.num_batches_tracked = null;
        }

        // Dropout stays off: the statistics are for the eval-mode network, which has none.
        network.train();
        foreach (var dropout in network.modules().OfType<Dropout>())
            dropout.eval();
        try
        {
            using var noGradient = no_grad();
            var batches = 0L;
            foreach (var batch in order.Take(MaxWindows).Chunk(batchSize))
            {
                foreach (var norm in norms)
                    norm.momentum = 1.0 / (batches + 1);
                using var scope = NewDisposeScope();
                network.forward(tensor(set.ScaledWindows(batch, scaler), [batch.Length, set.WindowSamples, set.Channels]).to(device));
                batches++;
            }

            foreach (var norm in norms)
                norm.num_batches_tracked = tensor(batches, device: device);
        }
        finally
        {
            for (var i = 0; i < norms.Count; i++)
            {
                norms[i].momentum = momenta[i];
                norms[i].num_batches_tracked ??= tensor(0L, device: device);
            }
            network.eval();
        }
    }
}
