using System.Buffers.Binary;
using System.Text;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.Time;
using L = Seismic.Waveforms.MiniSeed.MiniSeed3Layout;

namespace Seismic.Waveforms.MiniSeed;

/// <summary>Parses one FDSN miniSEED 3 record at the start of a span.</summary>
internal static class MiniSeed3Parser
{
    public static bool LooksLikeHeader(ReadOnlySpan<byte> b)
    {
        if (b.Length < L.FixedHeaderBytes || b[0] != 'M' || b[1] != 'S' || b[L.FormatVersion] != 3)
            return false;
        var day = BinaryPrimitives.ReadUInt16LittleEndian(b[L.DayOfYear..]);
        return day is >= 1 and <= 366 && b[L.Hour] <= 23 && b[L.Minute] <= 59 && b[L.Second] <= 60
            && BinaryPrimitives.ReadUInt32LittleEndian(b[L.Nanosecond..]) < NanoTime.NanosecondsPerSecond;
    }

    public static MiniSeedRecord? TryParse(ReadOnlyMemory<byte> data, int offset, bool verifyCrc, out string? failure, out int skipBytes)
    {
        var b = data.Span[offset..];
        skipBytes = 0;
        var sourceIdLength = b[L.SourceIdLength];
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(b[L.ExtraHeadersLength..]);
        var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(b[L.PayloadLength..]);
        var length = (long)L.FixedHeaderBytes + sourceIdLength + extraLength + payloadLength;
        if (length > b.Length)
        {
            failure = $"record of {length} bytes (identifier {sourceIdLength}, extra headers {extraLength}, payload {payloadLength}) is truncated: {b.Length} bytes remain";
            return null;
        }
        var recordLength = (int)length;
        var record = b[..recordLength];
        skipBytes = recordLength;

        var storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(b[L.CrcOffset..]);
        if (verifyCrc)
        {
            var computed = Crc32C.OfMiniSeed3Record(record);
            if (computed != storedCrc)
            {
                failure = $"CRC-32C mismatch: header says 0x{storedCrc:X8}, record gives 0x{computed:X8}";
                return null;
            }
        }

        var encoding = (DataEncoding)b[L.Encoding];
        var sampleCount = BinaryPrimitives.ReadUInt32LittleEndian(b[L.SampleCount..]);
        var payloadStart = L.FixedHeaderBytes + sourceIdLength + extraLength;
        if (sampleCount > 0 && DataEncodingFacts.SampleTypeOf(encoding) is not null
            && sampleCount > DataEncodingFacts.MaxSamples(encoding, (int)payloadLength))
        {
            failure = $"header claims {sampleCount} samples, more than a {payloadLength}-byte {DataEncodingFacts.Describe(encoding)} payload can hold";
            return null;
        }
        if (sampleCount > int.MaxValue)
        {
            failure = $"header claims {sampleCount} samples";
            return null;
        }

        var rateOrPeriod = BinaryPrimitives.ReadDoubleLittleEndian(b[L.SampleRate..]);
        if (!double.IsFinite(rateOrPeriod))
        {
            failure = $"sample rate field is {rateOrPeriod}";
            return null;
        }
        string sourceIdText;
        string? extra;
        try
        {
            var strictUtf8 = new UTF8Encoding(false, true);
            sourceIdText = strictUtf8.GetString(b.Slice(L.FixedHeaderBytes, sourceIdLength));
            extra = extraLength == 0 ? null : strictUtf8.GetString(b.Slice(L.FixedHeaderBytes + sourceIdLength, extraLength));
        }
        catch (DecoderFallbackException)
        {
            failure = "source identifier or extra headers are not valid UTF-8";
            return null;
        }

        failure = null;
        return new MiniSeedRecord
        {
            OffsetBytes = offset,
            FormatVersion = 3,
            SourceId = SourceId.Parse(sourceIdText),
            PublicationVersion = b[L.PublicationVersion],
            StartTime = NanoTime.FromYearDay(BinaryPrimitives.ReadUInt16LittleEndian(b[L.Year..]), BinaryPrimitives.ReadUInt16LittleEndian(b[L.DayOfYear..]),
                b[L.Hour], b[L.Minute], b[L.Second], BinaryPrimitives.ReadUInt32LittleEndian(b[L.Nanosecond..])),
            // A negative value is a sample period in seconds (for rates below 1 Hz without rounding loss).
            SampleRateHz = rateOrPeriod < 0 ? -1.0 / rateOrPeriod : rateOrPeriod,
            SampleCount = (int)sampleCount,
            Encoding = encoding,
            RecordLengthBytes = recordLength,
            // miniSEED 3 payloads are little-endian, except Steim frames, which stay big-endian as in SEED 2.
            PayloadIsBigEndian = encoding is DataEncoding.Steim1 or DataEncoding.Steim2,
            Flags = b[L.Flags],
            Crc = storedCrc,
            ExtraHeadersJson = extra,
            Payload = data.Slice(offset + payloadStart, (int)payloadLength),
            RawBytes = data.Slice(offset, recordLength),
        };
    }
}
