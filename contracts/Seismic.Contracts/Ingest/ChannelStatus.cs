namespace Seismic.Contracts.Ingest;

/// <summary>What arrived for one channel of a segment, so downstream stages can see gaps without decoding.</summary>
public sealed record ChannelStatus
{
    /// <summary>FDSN source identifier, e.g. "FDSN:NO_ARA0__B_H_Z".</summary>
    public required string SourceId { get; init; }

    public required double SampleRateHz { get; init; }

    public required int SampleCount { get; init; }

    /// <summary>Total length of the gaps inside the segment, seconds (0 when continuous).</summary>
    public required double GapSeconds { get; init; }
}
