namespace Seismic.Metadata.QuakeMl;

public sealed record Origin
{
    public required string PublicId { get; init; }

    public required DateTime TimeUtc { get; init; }

    public required double LatitudeDeg { get; init; }

    public required double LongitudeDeg { get; init; }

    /// <summary>
    /// Depth below sea level in metres, as QuakeML stores it. Kept in metres so that reading and
    /// writing never round a value; use <see cref="DepthKm"/> for seismology.
    /// </summary>
    public double? DepthM { get; init; }

    public double? DepthKm => DepthM / 1000.0;

    public EvaluationMode? EvaluationMode { get; init; }

    public IReadOnlyList<Arrival> Arrivals { get; init; } = [];
}
