namespace Seismic.SeedLink.Client;

/// <summary>A data record received over SeedLink.</summary>
/// <param name="StationId">NET_STA (protocol 3: read from the record's header).</param>
/// <param name="Sequence">The station's packet sequence number (protocol 3: 24 bits).</param>
/// <param name="Format">'2' miniSEED 2, '3' miniSEED 3.</param>
/// <param name="MiniSeed">The record.</param>
/// <param name="ReceivedUtc">When it arrived.</param>
public sealed record SeedLinkRecord(string StationId, ulong Sequence, char Format, ReadOnlyMemory<byte> MiniSeed, DateTime ReceivedUtc);

/// <summary>Where a client's connection stands.</summary>
public enum SeedLinkConnectionState
{
    Connecting,
    Negotiating,
    Streaming,
    Reconnecting,
    Stopped,
}
