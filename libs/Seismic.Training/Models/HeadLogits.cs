using static TorchSharp.torch;

namespace Seismic.Training.Models;

/// <summary>
/// The two outputs of every Seismic network, each [batch, 1] logits (sigmoid only at inference, as in the seed):
/// <see cref="Detector"/> event (1) versus noise (0), <see cref="Classifier"/> explosion (1) versus earthquake (0).
/// </summary>
public readonly record struct HeadLogits(Tensor Detector, Tensor Classifier);
