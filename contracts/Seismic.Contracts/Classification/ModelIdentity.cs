namespace Seismic.Contracts.Classification;

/// <summary>Which model version made a decision, so every result can be traced to its weights.</summary>
public sealed record ModelIdentity
{
    public required string Name { get; init; }

    public required int Version { get; init; }

    /// <summary>SHA-256 of the ONNX file, lower-case hex.</summary>
    public required string Sha256 { get; init; }
}
