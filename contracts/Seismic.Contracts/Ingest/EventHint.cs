namespace Seismic.Contracts.Ingest;

/// <summary>What a catalog or an analyst already knows of an event: origin and array picks, all optional.</summary>
public sealed record EventHint
{
    /// <summary>Catalog event identifier (QuakeML publicID or the catalog's own).</summary>
    public required string EventId { get; init; }

    public DateTime? OriginTimeUtc { get; init; }

    public double? LatitudeDeg { get; init; }

    public double? LongitudeDeg { get; init; }

    public double? DepthKm { get; init; }

    public double? Magnitude { get; init; }

    /// <summary>Catalog event type as QuakeML names it ("earthquake", "explosion", "induced or triggered event").</summary>
    public string? EventType { get; init; }

    /// <summary>Picks made at the array (its beam or its sites).</summary>
    public IReadOnlyList<PickHint> Picks { get; init; } = [];
}
