using System.Buffers.Binary;
using System.Text;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.Traces;
using L = Seismic.Waveforms.MiniSeed.MiniSeed3Layout;

namespace Seismic.Waveforms.MiniSeed;

/// <summary>
/// Writes a segment as miniSEED 3 records (little-endian header, nanosecond start, FDSN source identifier,
/// optional extra headers, CRC-32C). Records are as long as their payload needs, up to the configured maximum.
/// </summary>
public static class MiniSeed3Writer
{
    public static byte[] ToBytes(TraceSegment segment, MiniSeed3WriteOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(stream, segment, options);
        return stream.ToArray();
    }

    /// <summary>Appends the segment's records to <paramref name="output"/>; returns the number of records.</summary>
    public static int Write(Stream output, TraceSegment segment, MiniSeed3WriteOptions? options = null)
    {
        options ??= new MiniSeed3WriteOptions();
        var encoding = options.Encoding ?? RecordPacker.DefaultEncoding(segment.SampleType);
        RecordPacker.CheckEncoding(segment, encoding);
        var sid = Encoding.UTF8.GetBytes(segment.SourceId.Fdsn);
        var extra = options.ExtraHeadersJson is null ? [] : Encoding.UTF8.GetBytes(options.ExtraHeadersJson);
        if (sid.Length > byte.MaxValue || extra.Length > ushort.MaxValue)
            throw new ArgumentException("Source identifier longer than 255 bytes or extra headers longer than 65535 bytes.");
        var headerBytes = L.FixedHeaderBytes + sid.Length + extra.Length;
        var payloadCapacity = options.MaxRecordLengthBytes - headerBytes;
        if (payloadCapacity < 64)
            throw new ArgumentException($"MaxRecordLengthBytes {options.MaxRecordLengthBytes} leaves no room for a 64-byte payload after {headerBytes} header bytes.");

        var record = new byte[options.MaxRecordLengthBytes];
        var written = 0;
        var records = 0;
        do
        {
            Array.Clear(record);
            var count = RecordPacker.Pack(segment, encoding, written, record.AsSpan(headerBytes, payloadCapacity), bigEndian: encoding == DataEncoding.Steim2, out var payloadBytes);
            var r = record.AsSpan(0, headerBytes + payloadBytes);
            var start = segment.TimeOfSample(written);
            var calendar = start.AddNanoseconds(-start.SubsecondNanoseconds).ToDateTime();
            r[0] = (byte)'M';
            r[1] = (byte)'S';
            r[L.FormatVersion] = 3;
            r[L.Flags] = options.Flags;
            BinaryPrimitives.WriteUInt32LittleEndian(r[L.Nanosecond..], (uint)start.SubsecondNanoseconds);
            BinaryPrimitives.WriteUInt16LittleEndian(r[L.Year..], (ushort)calendar.Year);
            BinaryPrimitives.WriteUInt16LittleEndian(r[L.DayOfYear..], (ushort)calendar.DayOfYear);
            r[L.Hour] = (byte)calendar.Hour;
            r[L.Minute] = (byte)calendar.Minute;
            r[L.Second] = (byte)calendar.Second;
            r[L.Encoding] = (byte)encoding;
            BinaryPrimitives.WriteDoubleLittleEndian(r[L.SampleRate..], segment.SampleRateHz);
            BinaryPrimitives.WriteUInt32LittleEndian(r[L.SampleCount..], (uint)count);
            r[L.PublicationVersion] = options.PublicationVersion ?? segment.PublicationVersion;
            r[L.SourceIdLength] = (byte)sid.Length;
            BinaryPrimitives.WriteUInt16LittleEndian(r[L.ExtraHeadersLength..], (ushort)extra.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(r[L.PayloadLength..], (uint)payloadBytes);
            sid.CopyTo(r[L.FixedHeaderBytes..]);
            extra.CopyTo(r[(L.FixedHeaderBytes + sid.Length)..]);
            BinaryPrimitives.WriteUInt32LittleEndian(r[L.CrcOffset..], Crc32C.OfMiniSeed3Record(r));
            output.Write(r);
            written += count;
            records++;
        }
        while (written < segment.SampleCount);
        return records;
    }
}
