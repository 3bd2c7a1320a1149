namespace Seismic.Metadata.QuakeMl;

/// <summary>QuakeML WaveformStreamID: the SEED codes of the stream a pick was made on.</summary>
public sealed record WaveformStreamId
{
    public required string NetworkCode { get; init; }

    public required string StationCode { get; init; }

    /// <summary>Null when the attribute is absent; kept verbatim otherwise (may be "" or "  ").</summary>
    public string? LocationCode { get; init; }

    public string? ChannelCode { get; init; }

    /// <summary>The optional resource URI given as the element's text.</summary>
    public string? ResourceUri { get; init; }
}
