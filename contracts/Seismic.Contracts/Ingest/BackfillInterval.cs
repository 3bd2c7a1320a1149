namespace Seismic.Contracts.Ingest;

/// <summary>
/// Command: process a past interval of an array's data, exactly as live monitoring would have.
/// The ingest worker cuts [<see cref="StartUtc"/>, <see cref="EndUtc"/>) into the configured segments
/// and reports progress with <see cref="BackfillProgressed"/> and <see cref="BackfillCompleted"/>.
/// </summary>
public sealed record BackfillInterval
{
    /// <summary>Chosen by the requester; repeats of the same id are recognised, not processed twice.</summary>
    public required Guid BackfillId { get; init; }

    /// <summary>Array code as in the configuration, e.g. "ARCES".</summary>
    public required string ArrayCode { get; init; }

    /// <summary>Inclusive start of the interval, UTC.</summary>
    public required DateTime StartUtc { get; init; }

    /// <summary>Exclusive end of the interval, UTC. Must be after <see cref="StartUtc"/>.</summary>
    public required DateTime EndUtc { get; init; }

    /// <summary>
    /// Known events in the interval (from a catalog or analyst picks). When present, segments are cut
    /// around them and their back-azimuth is used for the beams instead of an f-k estimate.
    /// </summary>
    public IReadOnlyList<EventHint> EventHints { get; init; } = [];

    /// <summary>
    /// Waveform source to read (sds:///path, file:///path/*.mseed, fdsnws://host); null: the ingest worker's
    /// configured source.uri. Must be readable by the ingest worker's host.
    /// </summary>
    public string? SourceUri { get; init; }

    /// <summary>StationXML file or fdsnws:// station service with the array's sites; null: array.inventory_path.</summary>
    public string? InventoryUri { get; init; }

    /// <summary>
    /// QuakeML file or fdsnws:// event service whose events in the interval become <see cref="EventHints"/>;
    /// null: source.catalog_uri, where none means continuous detection.
    /// </summary>
    public string? CatalogUri { get; init; }

    /// <summary>Who asked, for the audit trail (user name or service).</summary>
    public required string RequestedBy { get; init; }

    public required DateTime RequestedAtUtc { get; init; }
}
