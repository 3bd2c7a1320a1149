namespace Seismic.Contracts.Classification;

/// <summary>Event: the windows over one event were combined into one decision (majority vote, mean probabilities).</summary>
public sealed record EventClassified
{
    /// <summary>Catalog event id when the segment was cut around a known event, else derived from the segment.</summary>
    public required string EventId { get; init; }

    public required string SegmentId { get; init; }

    public required string ArrayCode { get; init; }

    /// <summary>Start of the first window that voted, UTC.</summary>
    public required DateTime StartUtc { get; init; }

    /// <summary>End of the last window that voted, UTC.</summary>
    public required DateTime EndUtc { get; init; }

    /// <summary>Majority vote of the windows.</summary>
    public required PredictedLabel Label { get; init; }

    /// <summary>Mean detector probability over the windows, 0-1.</summary>
    public required double MeanDetectorProbability { get; init; }

    /// <summary>Mean classifier (explosion) probability over the windows, 0-1.</summary>
    public required double MeanClassifierProbability { get; init; }

    /// <summary>Number of windows per label, e.g. {"Noise": 2, "Explosion": 10}.</summary>
    public required IReadOnlyDictionary<string, int> Votes { get; init; }

    public required ModelIdentity Model { get; init; }

    /// <summary>Back-azimuth of the event, degrees: of its own arrival when found (see <see cref="BackAzimuthMethod"/>), else the beams' steering.</summary>
    public required double BackAzimuthDeg { get; init; }

    /// <summary>How <see cref="BackAzimuthDeg"/> was found: "picks", "origin", "fk-onset" (f-k at the event's arrival), "fk-segment" (f-k of the segment's strongest arrival, which steered the beams).</summary>
    public string? BackAzimuthMethod { get; init; }

    /// <summary>Apparent velocity of the event's P arrival across the array, km/s (f-k, or the pick's slowness); null when unknown.</summary>
    public double? ApparentVelocityKmPerS { get; init; }

    /// <summary>Estimated P onset at the array, UTC: the first P pick of a known event, else found on the P beam.</summary>
    public DateTime? OnsetUtc { get; init; }

    /// <summary>Number of windows that voted.</summary>
    public int WindowCount { get; init; }

    /// <summary>Distance from the array to the catalog origin, km; null when no origin is known.</summary>
    public double? DistanceKm { get; init; }

    /// <summary>Catalog magnitude; null when unknown.</summary>
    public double? Magnitude { get; init; }

    /// <summary>Catalog event type when known, for comparing the model's decision with the truth.</summary>
    public string? CatalogEventType { get; init; }

    public Guid? BackfillId { get; init; }
}
