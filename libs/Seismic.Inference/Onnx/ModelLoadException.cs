namespace Seismic.Inference.Onnx;

/// <summary>A model file that cannot be used: missing, not ONNX, or not shaped like a Seismic model. The message names the file and the cause.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
