using Seismic.Training.Loss;
using Seismic.Training.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Seismic.Training.Optimization;

/// <summary>The losses of one step, as numbers for logs and metrics.</summary>
public sealed record TrainingStepLosses(double Total, double Detector, double Classifier, double L2Penalty);

/// <summary>
/// One optimisation step on CPU: forward in training mode, the seed's two-head loss plus the network's L2
/// penalty, backward, AdamW. Seeded, so two runs from the same weights, options and batches give the same
/// losses. Dropout draws from torch's global generator: run one training at a time per process.
/// </summary>
public sealed class TrainingStep : IDisposable
{
    private readonly TwoHeadNetwork _network;
    private readonly TrainingOptions _options;
    private readonly AdamW _optimizer;

    public TrainingStep(TwoHeadNetwork network, TrainingOptions options)
    {
        _network = network;
        _options = options;
        manual_seed(options.Seed);
        _optimizer = optim.AdamW(network.parameters(), options.LearningRate, eps: options.Epsilon, weight_decay: options.WeightDecay);
    }

    /// <param name="windows">[batch, samples, 3], scaled.</param>
    /// <param name="detectorLabels">[batch, 1]: 1 event, 0 noise.</param>
    /// <param name="classifierLabels">[batch, 1]: 1 explosion, 0 earthquake; ignored for noise.</param>
    public TrainingStepLosses Run(Tensor windows, Tensor detectorLabels, Tensor classifierLabels)
    {
        using var scope = NewDisposeScope();
        _network.train();
        _optimizer.zero_grad();
        var logits = _network.forward(windows);
        var terms = TwoHeadLoss.Compute(logits, detectorLabels, classifierLabels, _options.DetectorWeights, _options.ClassifierWeights);
        var penalty = _network.L2Penalty();
        var loss = terms.Total + penalty;
        loss.backward();
        _optimizer.step();
        return new TrainingStepLosses(
            loss.item<float>(),
            terms.Detector.item<float>(),
            terms.Classifier.item<float>(),
            penalty.item<float>());
    }

    /// <summary>Sets the rate of the next steps (the schedule and plateau reductions decide it per epoch).</summary>
    public void SetLearningRate(double learningRate)
    {
        foreach (var group in _optimizer.ParamGroups)
            group.LearningRate = learningRate;
    }

    public void Dispose() => _optimizer.Dispose();
}
