namespace Seismic.Metadata.QuakeMl;

/// <summary>The eventParameters of one QuakeML document.</summary>
public sealed record Catalog
{
    public required string PublicId { get; init; }

    public required IReadOnlyList<SeismicEvent> Events { get; init; }
}
