namespace Seismic.Waveforms.MiniSeed;

public enum ProblemSeverity
{
    /// <summary>Data were kept but something is inconsistent (e.g. Steim integrity check, unparsable trailing bytes).</summary>
    Warning,
    /// <summary>The record (or byte range) was skipped.</summary>
    Error,
}

/// <summary>A defect found in the input: where it is, what is wrong, and whether data were dropped.</summary>
public sealed record ReadProblem(long OffsetBytes, ProblemSeverity Severity, string Reason, SourceId? SourceId = null)
{
    public override string ToString()
        => $"{Severity} at byte {OffsetBytes}{(SourceId is null ? "" : $" ({SourceId})")}: {Reason}";
}

/// <summary>Thrown only when the caller asks for strict reading; otherwise problems are returned, never thrown.</summary>
public sealed class MiniSeedFormatException(ReadProblem problem)
    : Exception(problem.ToString())
{
    public ReadProblem Problem { get; } = problem;
}
