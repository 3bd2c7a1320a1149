namespace Seismic.Metadata.QuakeMl;

public sealed record Pick
{
    public required string PublicId { get; init; }

    public required DateTime TimeUtc { get; init; }

    public required WaveformStreamId WaveformId { get; init; }

    /// <summary>Phase name as written, e.g. "Pn", "P", "Sg".</summary>
    public string? PhaseHint { get; init; }

    /// <summary>Direction the wave came from, degrees clockwise from north (an array measurement).</summary>
    public double? BackazimuthDeg { get; init; }

    /// <summary>
    /// Horizontal slowness in seconds per degree, the QuakeML unit. Divide by 111.19 km/deg for s/km
    /// when comparing with beam velocities (P 6.45 km/s is about 17.2 s/deg).
    /// </summary>
    public double? HorizontalSlownessSPerDeg { get; init; }

    public EvaluationMode? EvaluationMode { get; init; }
}
