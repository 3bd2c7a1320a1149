namespace Seismic.Metadata.QuakeMl;

public sealed record Magnitude
{
    public required string PublicId { get; init; }

    public required double Value { get; init; }

    /// <summary>Magnitude type as written, e.g. "Mw", "MW", "mb", "ML".</summary>
    public string? Type { get; init; }

    public string? OriginId { get; init; }
}
