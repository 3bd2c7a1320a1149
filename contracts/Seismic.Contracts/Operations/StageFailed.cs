namespace Seismic.Contracts.Operations;

/// <summary>
/// Event: a stage gave up on one piece of work for a reason retrying cannot fix (bad input, bad configuration).
/// The rest of the pipeline goes on; operators and requesters see the reason here.
/// </summary>
public sealed record StageFailed
{
    public required PipelineStage Stage { get; init; }

    /// <summary>What failed: a segment id, a backfill id, a training id.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Short name of the message that could not be processed, e.g. "BackfillInterval".</summary>
    public required string MessageType { get; init; }

    /// <summary>The cause in words a person can act on.</summary>
    public required string Reason { get; init; }

    public Guid? BackfillId { get; init; }

    public Guid? TrainingId { get; init; }

    public required DateTime FailedAtUtc { get; init; }
}
