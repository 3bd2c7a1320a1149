using Seismic.Configuration;
using static TorchSharp.torch;

namespace Seismic.Training.Models;

internal static class Activations
{
    /// <summary>Keras' relu, elu (alpha 1), gelu (exact, erf-based: Keras' default approximate=False) and tanh.</summary>
    public static Tensor Apply(Activation activation, Tensor x) => activation switch
    {
        Activation.Relu => nn.functional.relu(x),
        Activation.Elu => nn.functional.elu(x, 1.0),
        Activation.Gelu => nn.functional.gelu(x),
        Activation.Tanh => x.tanh(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation"),
    };
}
