using MassTransit;

namespace Seismic.Contracts.Classification;

/// <summary>
/// Event: what lies behind one <see cref="EventClassified"/>, for the reporter's picture of it: the beams over the
/// event's windows and what the model said about each. Published beside the decision, so pictures are drawn
/// off the classification path and a picture that fails loses no row.
/// </summary>
public sealed record EventEvidenceGathered
{
    public required string EventId { get; init; }

    public required string SegmentId { get; init; }

    public required string ArrayCode { get; init; }

    public required ModelIdentity Model { get; init; }

    /// <summary>The event's decision (majority vote of <see cref="Windows"/>).</summary>
    public required PredictedLabel Label { get; init; }

    public required double MeanDetectorProbability { get; init; }

    public required double MeanClassifierProbability { get; init; }

    /// <summary>Detector probability from which a window counts as an event.</summary>
    public required double DetectorThreshold { get; init; }

    /// <summary>Estimated P onset at the array, UTC, when known.</summary>
    public DateTime? OnsetUtc { get; init; }

    /// <summary>Window length, seconds.</summary>
    public required double WindowLengthSeconds { get; init; }

    /// <summary>The windows that voted on the event, in time order.</summary>
    public required IReadOnlyList<WindowClassification> Windows { get; init; }

    /// <summary>Time of the first sample of <see cref="Beams"/>, UTC: the first window's start.</summary>
    public required DateTime BeamsStartUtc { get; init; }

    public required double SampleRateHz { get; init; }

    /// <summary>Samples per beam: from the first window's start to the last window's end.</summary>
    public required int SampleCount { get; init; }

    /// <summary>Beam names in payload order, e.g. "P-beam, vertical".</summary>
    public required IReadOnlyList<string> BeamNames { get; init; }

    /// <summary>Claim check: the beams over the event, laid out as <see cref="Beams.BeamPayload"/> says.</summary>
    public required MessageData<byte[]> Beams { get; init; }

    public Guid? BackfillId { get; init; }
}
