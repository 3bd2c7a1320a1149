namespace Seismic.Inference.Registry;

/// <summary>A model version in the registry: its card and where its ONNX file is.</summary>
public sealed record RegisteredModel(ModelCard Card, string OnnxPath);
