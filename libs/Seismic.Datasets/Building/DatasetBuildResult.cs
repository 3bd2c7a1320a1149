namespace Seismic.Datasets.Building;

/// <summary>What a build wrote and what it left out, and why.</summary>
public sealed record DatasetBuildResult
{
    public required string OutputDirectory { get; init; }

    public required string ReportPath { get; init; }

    public required SplitCalendar Calendar { get; init; }

    /// <summary>Traces written, by (split, label).</summary>
    public required IReadOnlyDictionary<(string Split, string Label), int> Counts { get; init; }

    /// <summary>One sentence per event or noise window left out.</summary>
    public required IReadOnlyList<string> Skipped { get; init; }

    public int TraceCount => Counts.Values.Sum();
}
