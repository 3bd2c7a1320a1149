using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Seismic.SeedLink.Protocol;

/// <summary>
/// Writes and reads SeedLink packets, protocol 3 and 4 (see <see cref="SeedLinkPacket"/>). The reader tells the
/// versions apart by the signature, so one reader serves a connection whatever was negotiated.
/// </summary>
public static class PacketCodec
{
    /// <summary>Protocol 3 packets carry 512-byte miniSEED 2 records, the SEED "data only" record of SeedLink's origin.</summary>
    public const int Version3RecordBytes = 512;

    /// <summary>"SL" plus six hex digits, or "SLINFO" plus " *" or "  ".</summary>
    public const int Version3HeaderBytes = 8;

    /// <summary>"SE", format, subformat, u32 length, u64 sequence, u8 station id length.</summary>
    public const int Version4FixedHeaderBytes = 17;

    /// <summary>A payload no real record approaches; a larger length means a corrupt or hostile header.</summary>
    public const int MaximumPayloadBytes = 16 * 1024 * 1024;

    public static byte[] EncodeVersion3(ulong sequence, ReadOnlySpan<byte> record512)
    {
        if (record512.Length != Version3RecordBytes)
            throw new ArgumentException($"a protocol 3 packet carries a {Version3RecordBytes}-byte record, not {record512.Length} bytes", nameof(record512));
        var packet = new byte[Version3HeaderBytes + Version3RecordBytes];
        Encoding.ASCII.GetBytes("SL" + (sequence % SeedLinkPacket.Version3SequenceModulus).ToString("X6", CultureInfo.InvariantCulture), packet);
        record512.CopyTo(packet.AsSpan(Version3HeaderBytes));
        return packet;
    }

    public static byte[] EncodeVersion3Info(ReadOnlySpan<byte> record512, bool moreFollows)
    {
        if (record512.Length != Version3RecordBytes)
            throw new ArgumentException($"a protocol 3 INFO packet carries a {Version3RecordBytes}-byte record, not {record512.Length} bytes", nameof(record512));
        var packet = new byte[Version3HeaderBytes + Version3RecordBytes];
        Encoding.ASCII.GetBytes(moreFollows ? "SLINFO *" : "SLINFO  ", packet);
        record512.CopyTo(packet.AsSpan(Version3HeaderBytes));
        return packet;
    }

    public static byte[] EncodeVersion4(char format, char subformat, ulong sequence, string stationId, ReadOnlySpan<byte> payload)
    {
        var station = Encoding.ASCII.GetBytes(stationId);
        if (station.Length > byte.MaxValue)
            throw new ArgumentException($"station id '{stationId}' is longer than {byte.MaxValue} bytes", nameof(stationId));
        var packet = new byte[Version4FixedHeaderBytes + station.Length + payload.Length];
        packet[0] = (byte)'S';
        packet[1] = (byte)'E';
        packet[2] = (byte)format;
        packet[3] = (byte)subformat;
        BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(4), (uint)payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(packet.AsSpan(8), sequence);
        packet[16] = (byte)station.Length;
        station.CopyTo(packet, Version4FixedHeaderBytes);
        payload.CopyTo(packet.AsSpan(Version4FixedHeaderBytes + station.Length));
        return packet;
    }

    public static byte[] Encode(SeedLinkPacket packet, int protocolMajor)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (protocolMajor >= 4)
            return EncodeVersion4(packet.Format, packet.Subformat, packet.Sequence, packet.StationId, packet.Payload.Span);
        return packet.IsInfo
            ? EncodeVersion3Info(packet.Payload.Span, packet.MoreInfoFollows)
            : EncodeVersion3(packet.Sequence, packet.Payload.Span);
    }

    /// <summary>
    /// Reads the next packet. Returns null when the stream ends cleanly between packets, or when the server sends
    /// "END" in place of a packet (the end of a FETCH, or of a time window): the caller disconnects then.
    /// </summary>
    /// <exception cref="SeedLinkProtocolException">A header that is neither protocol 3 nor 4 (an "ERROR" line included), or the stream ended inside a packet.</exception>
    public static async Task<SeedLinkPacket?> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Three bytes first: "END" is all a server sends after the last packet of a FETCH, and it may then wait.
        var signature = new byte[Version3HeaderBytes];
        var read = await FillAsync(stream, signature.AsMemory(0, 3), cancellationToken);
        if (read == 0)
            return null;
        if (read == 3 && signature.AsSpan(0, 3).SequenceEqual("END"u8))
            return null;
        if (read < 3 || await FillAsync(stream, signature.AsMemory(3), cancellationToken) < Version3HeaderBytes - 3)
            throw new SeedLinkProtocolException($"the connection closed inside a packet header (got '{Printable(signature)}')");

        if (signature[0] == 'S' && signature[1] == 'L')
            return await ReadVersion3Async(stream, signature, cancellationToken);
        if (signature[0] == 'S' && signature[1] == 'E')
            return await ReadVersion4Async(stream, signature, cancellationToken);
        throw new SeedLinkProtocolException($"expected a SeedLink packet ('SL' or 'SE'), got '{Printable(signature)}'");
    }

    private static async Task<SeedLinkPacket> ReadVersion3Async(Stream stream, byte[] header, CancellationToken cancellationToken)
    {
        var text = Encoding.ASCII.GetString(header);
        var record = new byte[Version3RecordBytes];
        if (await FillAsync(stream, record, cancellationToken) < record.Length)
            throw new SeedLinkProtocolException($"the connection closed inside the record of packet '{Printable(header)}'");
        if (text.StartsWith("SLINFO", StringComparison.Ordinal))
            return new SeedLinkPacket('2', 'I', SeedLinkPacket.NoSequence, "", record, MoreInfoFollows: text[7] == '*');
        if (!ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var sequence))
            throw new SeedLinkProtocolException($"protocol 3 packet header '{Printable(header)}' has no hexadecimal sequence number");
        return new SeedLinkPacket('2', 'D', sequence, "", record);
    }

    private static async Task<SeedLinkPacket> ReadVersion4Async(Stream stream, byte[] firstEight, CancellationToken cancellationToken)
    {
        var header = new byte[Version4FixedHeaderBytes];
        firstEight.CopyTo(header, 0);
        if (await FillAsync(stream, header.AsMemory(firstEight.Length), cancellationToken) < header.Length - firstEight.Length)
            throw new SeedLinkProtocolException("the connection closed inside a protocol 4 packet header");
        var format = (char)header[2];
        var subformat = (char)header[3];
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        var sequence = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(8));
        if (length > MaximumPayloadBytes)
            throw new SeedLinkProtocolException($"protocol 4 packet announces a {length}-byte payload, more than the {MaximumPayloadBytes} accepted");
        var station = new byte[header[16]];
        var payload = new byte[length];
        if (await FillAsync(stream, station, cancellationToken) < station.Length || await FillAsync(stream, payload, cancellationToken) < payload.Length)
            throw new SeedLinkProtocolException($"the connection closed inside protocol 4 packet {sequence} ({length}-byte payload)");
        return new SeedLinkPacket(format, subformat, sequence, Encoding.ASCII.GetString(station), payload);
    }

    /// <summary>Fills the buffer unless the stream ends first; returns the bytes read.</summary>
    private static async Task<int> FillAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer[filled..], cancellationToken);
            if (read == 0)
                break;
            filled += read;
        }
        return filled;
    }

    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
            text.Append(b is >= 32 and < 127 ? (char)b : '.');
        return text.ToString();
    }
}
