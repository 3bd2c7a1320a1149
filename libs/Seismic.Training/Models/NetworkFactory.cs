using Seismic.Configuration;
using static TorchSharp.torch;

namespace Seismic.Training.Models;

/// <summary>Builds the network a hyperparameter record describes, with weights drawn from a seeded generator.</summary>
public static class NetworkFactory
{
    /// <param name="hyperparameters">AlexNetHyperparameters, CnnDenseHyperparameters or CompactHyperparameters.</param>
    /// <param name="windowSamples">Window length, samples (the seed: 240 s × 40 Hz + 1 = 9601); AlexNet-1D, CNN-dense and CompactNet with more than one time segment are built for it.</param>
    /// <param name="seed">Seeds a generator of the network's own, so the same seed gives the same weights whatever else uses torch's global generator meanwhile.</param>
    public static TwoHeadNetwork Create(ModelHyperparameters hyperparameters, long windowSamples, long seed)
    {
        using var generator = new Generator((ulong)seed);
        return hyperparameters switch
        {
            AlexNetHyperparameters alexNet => new AlexNet1d(alexNet, windowSamples, generator),
            CnnDenseHyperparameters cnnDense => new CnnDense(cnnDense, windowSamples, generator),
            CompactHyperparameters compact => new CompactNet(compact, windowSamples, generator),
            _ => throw new ArgumentException($"no network for {hyperparameters.GetType().Name}", nameof(hyperparameters)),
        };
    }
}
