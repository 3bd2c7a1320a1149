using TorchSharp.Modules;

namespace Seismic.Training.Models;

/// <summary>
/// One convolution as the forward pass applies it and the ONNX exporter writes it: the padding (left, right)
/// in samples is explicit, because Keras' 'same' padding with a stride can be asymmetric, which torch's Conv1d
/// padding cannot express.
/// </summary>
public sealed record ConvolutionLayer(Conv1d Conv, long PadLeftSamples, long PadRightSamples, long StrideSamples, long Groups = 1);
