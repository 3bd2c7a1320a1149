using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Scoring;

/// <summary>
/// One labelled window and what the model said about it: the input of every figure, table and plot of an
/// evaluation, so they can be computed and tested without files or a model.
/// </summary>
public sealed record ScoredWindow
{
    public required string TraceName { get; init; }

    /// <summary>The dataset's label: "earthquake", "explosion", "induced" or "noise".</summary>
    public required string DatasetLabel { get; init; }

    /// <summary>The class the model is judged against (<see cref="TrueClass"/>); null when the window is left out of the figures.</summary>
    public required EventLabel? TrueLabel { get; init; }

    public required WindowProbabilities Probabilities { get; init; }

    /// <summary>The model card's thresholds applied to <see cref="Probabilities"/> (<see cref="DecisionThresholds.Label"/>).</summary>
    public required EventLabel Predicted { get; init; }

    /// <summary>Epicentral distance from the array; none for noise.</summary>
    public double? DistanceKm { get; init; }

    public double? Magnitude { get; init; }

    /// <summary>The back-azimuth the beams were steered to, degrees clockwise from north.</summary>
    public double? BackAzimuthDeg { get; init; }

    public DateTime? OriginTimeUtc { get; init; }

    /// <summary>Time of the P arrival in the window (the seed's estimated_arrival_time_arces).</summary>
    public DateTime? PArrivalUtc { get; init; }

    public string? EventId { get; init; }

    /// <summary>Every metadata column of the window as the dataset has it, written to the predictions CSV.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Magnitude / √(distance km), the seed's magnitude_sqrtdist_ratio ("msrd"): large for strong, near
    /// events, small for weak, far ones, so it orders events roughly by how clearly they show on the beams.
    /// </summary>
    public double? MagnitudePerSqrtDistance =>
        Magnitude is { } magnitude && DistanceKm is { } distance && distance > 0 ? magnitude / Math.Sqrt(distance) : null;

    /// <summary>A labelled event the detector called noise.</summary>
    public bool IsMissedEvent => TrueLabel is EventLabel.Earthquake or EventLabel.Explosion && Predicted == EventLabel.Noise;

    /// <summary>The three-way label is wrong (a missed event, a false alarm, or the wrong kind of event).</summary>
    public bool IsMistake => TrueLabel is { } truth && truth != Predicted;
}
