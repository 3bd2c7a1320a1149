namespace Seismic.Ingest.Processing;

/// <summary>
/// What placing a known event's segment needs: the times of its picks at the array, or, without picks, the
/// first P and S predicted from its origin.
/// </summary>
public sealed record KnownEvent(string EventId, IReadOnlyList<DateTime> ArrayPickTimesUtc, DateTime? PredictedPUtc, DateTime? PredictedSUtc);
