using CsvHelper.Configuration.Attributes;

namespace Seismic.Reporter.Processing;

/// <summary>
/// One line of events.csv. The columns of the original's predictions CSV keep their names
/// (estimated_arrival_time_arces, baz_to_arces, predicted, true, probability_detector, probability_classifier,
/// distance) so its analysis notebooks keep working; the rest say where the row came from.
/// </summary>
public sealed record EventRow
{
    [Name("event_id")] public required string EventId { get; init; }
    [Name("estimated_arrival_time_arces")] public required string OnsetUtc { get; init; }
    [Name("baz_to_arces")] public required double BackAzimuthDeg { get; init; }
    [Name("baz_method")] public required string BackAzimuthMethod { get; init; }
    [Name("predicted")] public required string Predicted { get; init; }
    [Name("true")] public required string True { get; init; }
    [Name("probability_detector")] public required double ProbabilityDetector { get; init; }
    [Name("probability_classifier")] public required double ProbabilityClassifier { get; init; }
    [Name("distance")] public required double? DistanceKm { get; init; }
    [Name("magnitude")] public required double? Magnitude { get; init; }
    [Name("array")] public required string ArrayCode { get; init; }
    [Name("start_utc")] public required string StartUtc { get; init; }
    [Name("end_utc")] public required string EndUtc { get; init; }
    [Name("votes_noise")] public required int VotesNoise { get; init; }
    [Name("votes_earthquake")] public required int VotesEarthquake { get; init; }
    [Name("votes_explosion")] public required int VotesExplosion { get; init; }
    [Name("windows")] public required int WindowCount { get; init; }
    [Name("model")] public required string ModelName { get; init; }
    [Name("model_version")] public required int ModelVersion { get; init; }
    [Name("segment_id")] public required string SegmentId { get; init; }
    [Name("backfill_id")] public required string BackfillId { get; init; }
    [Name("key")] public required string Key { get; init; }
}

/// <summary>One line of windows.csv: the model's output for one input window.</summary>
public sealed record WindowRow
{
    [Name("segment_id")] public required string SegmentId { get; init; }
    [Name("array")] public required string ArrayCode { get; init; }
    [Name("window_start_utc")] public required string WindowStartUtc { get; init; }
    [Name("window_end_utc")] public required string WindowEndUtc { get; init; }
    [Name("predicted")] public required string Predicted { get; init; }
    [Name("probability_detector")] public required double ProbabilityDetector { get; init; }
    [Name("probability_classifier")] public required double ProbabilityClassifier { get; init; }
    [Name("model")] public required string ModelName { get; init; }
    [Name("model_version")] public required int ModelVersion { get; init; }
    [Name("key")] public required string Key { get; init; }
}
