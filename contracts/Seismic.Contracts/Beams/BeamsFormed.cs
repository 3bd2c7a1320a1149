using MassTransit;

namespace Seismic.Contracts.Beams;

/// <summary>
/// Event: the three beams of a segment, in the original's channel order
/// [P-beam vertical, S-beam transverse, S-beam radial], band-passed and at the model's rate.
/// </summary>
public sealed record BeamsFormed
{
    public required string SegmentId { get; init; }

    public required string ArrayCode { get; init; }

    /// <summary>Time of the first beam sample, UTC.</summary>
    public required DateTime StartUtc { get; init; }

    public required double SampleRateHz { get; init; }

    /// <summary>Samples per beam; all three beams have the same length.</summary>
    public required int SampleCount { get; init; }

    /// <summary>Beam names in payload order, e.g. "P-beam, vertical".</summary>
    public required IReadOnlyList<string> BeamNames { get; init; }

    /// <summary>Back-azimuth the beams were steered to, degrees clockwise from north.</summary>
    public required double BackAzimuthDeg { get; init; }

    public required BackAzimuthSource BackAzimuthSource { get; init; }

    /// <summary>f-k relative power (0-1) of the chosen back-azimuth; null when it did not come from f-k.</summary>
    public double? FkRelativePower { get; init; }

    /// <summary>Apparent velocity found by f-k, km/s; null when it did not come from f-k.</summary>
    public double? FkApparentVelocityKmPerS { get; init; }

    public required double PBeamVelocityKmPerS { get; init; }

    public required double SBeamVelocityKmPerS { get; init; }

    /// <summary>Sites that contributed to the beams.</summary>
    public required IReadOnlyList<string> SitesUsed { get; init; }

    /// <summary>Problems that did not stop the beams (missing site, gap, NaN run), in words.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Copied from <see cref="Ingest.WaveformSegmentIngested.OwnedFromUtc"/>.</summary>
    public DateTime? OwnedFromUtc { get; init; }

    /// <summary>Copied from <see cref="Ingest.WaveformSegmentIngested.OwnedUntilUtc"/>.</summary>
    public DateTime? OwnedUntilUtc { get; init; }

    /// <summary>
    /// Arrivals the beamformer found in the segment (onsets of the array's summed P-band energy) with the f-k
    /// direction of each, strongest first, so a detected event gets its own back-azimuth even when the beams
    /// were steered elsewhere.
    /// </summary>
    public IReadOnlyList<ArrivalEstimate> Arrivals { get; init; } = [];

    public Guid? BackfillId { get; init; }

    public Ingest.EventHint? EventHint { get; init; }

    /// <summary>
    /// Claim check: the beams as float32 little-endian, beam after beam (channel-major),
    /// <see cref="SampleCount"/> samples each, in the order of <see cref="BeamNames"/>.
    /// </summary>
    public required MessageData<byte[]> Beams { get; init; }
}
