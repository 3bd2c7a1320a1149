namespace Seismic.SeedLink.Protocol;

/// <summary>
/// One SeedLink packet as framed on the wire, without its payload interpreted.
/// Protocol 3: "SL" + six hex digits of sequence number + a 512-byte miniSEED 2 record, or "SLINFO" + " *"
/// (more follows) or "  " (last) + a 512-byte miniSEED 2 log record holding INFO XML.
/// Protocol 4: "SE" + format + subformat + payload length (u32 LE) + sequence number (u64 LE)
/// + station id length (u8) + station id + payload.
/// </summary>
/// <param name="Format">The v4 format code: '2' miniSEED 2, '3' miniSEED 3, 'J' JSON, 'X' XML. Protocol 3 packets are '2'.</param>
/// <param name="Subformat">The v4 subformat: 'D' data, 'E' event (or, with 'J', error), 'C' calibration, 'T' timing, 'L' log, 'O' opaque, 'I' info. Protocol 3: 'D' for data, 'I' for INFO.</param>
/// <param name="Sequence">The station's packet sequence number; <see cref="NoSequence"/> for protocol 3 INFO packets.</param>
/// <param name="StationId">NET_STA from the v4 header; empty for protocol 3, whose station is read from the record.</param>
/// <param name="Payload">The payload bytes (for data: one miniSEED record).</param>
/// <param name="MoreInfoFollows">Protocol 3 INFO only: "SLINFO *", the XML continues in the next packet.</param>
public sealed record SeedLinkPacket(char Format, char Subformat, ulong Sequence, string StationId, ReadOnlyMemory<byte> Payload, bool MoreInfoFollows = false)
{
    /// <summary>Protocol 3 INFO packets carry no sequence number.</summary>
    public const ulong NoSequence = ulong.MaxValue;

    /// <summary>Protocol 3 sequence numbers are six hex digits and wrap after this.</summary>
    public const ulong Version3SequenceModulus = 0x1000000;

    public bool IsInfo => Subformat == 'I';

    public bool IsError => Format == 'J' && Subformat == 'E';

    /// <summary>A waveform record: miniSEED 2 or 3 with subformat D.</summary>
    public bool IsMiniSeedData => Subformat == 'D' && (Format == '2' || Format == '3');
}
