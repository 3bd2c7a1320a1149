using System.Buffers.Binary;
using System.Text;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.Time;
using L = Seismic.Waveforms.MiniSeed.MiniSeed2Layout;

namespace Seismic.Waveforms.MiniSeed;

/// <summary>Parses one SEED 2 data record (miniSEED 2) at the start of a span.</summary>
internal static class MiniSeed2Parser
{
    /// <summary>The plausibility test libmseed also uses: sequence digits, a quality code, sane time fields.</summary>
    public static bool LooksLikeHeader(ReadOnlySpan<byte> b)
    {
        if (b.Length < L.FixedHeaderBytes)
            return false;
        for (var i = 0; i < 6; i++)
        {
            if (!(char.IsAsciiDigit((char)b[i]) || b[i] == ' ' || b[i] == 0))
                return false;
        }
        if (b[L.QualityIndicator] is not ((byte)'D' or (byte)'R' or (byte)'Q' or (byte)'M'))
            return false;
        if (b[7] is not ((byte)' ' or 0))
            return false;
        if (b[L.StartHour] > 23 || b[L.StartMinute] > 59 || b[L.StartSecond] > 60)
            return false;
        return HeaderIsBigEndian(b) is not null;
    }

    /// <summary>
    /// SEED does not flag the header byte order; a year of 1900-2100 and day of 1-366 read one way or the other
    /// decides it (as in libmseed). The payload order is separate (blockette 1000), so headers and data may differ.
    /// </summary>
    private static bool? HeaderIsBigEndian(ReadOnlySpan<byte> b)
    {
        if (IsValidYearDay(BinaryPrimitives.ReadUInt16BigEndian(b[L.StartYear..]), BinaryPrimitives.ReadUInt16BigEndian(b[L.StartDayOfYear..])))
            return true;
        if (IsValidYearDay(BinaryPrimitives.ReadUInt16LittleEndian(b[L.StartYear..]), BinaryPrimitives.ReadUInt16LittleEndian(b[L.StartDayOfYear..])))
            return false;
        return null;
    }

    private static bool IsValidYearDay(int year, int day) => year is >= 1900 and <= 2100 && day is >= 1 and <= 366;

    /// <summary>Parses the record at <paramref name="offset"/>; on failure, <paramref name="skipBytes"/> is the record length when it is known, else 0.</summary>
    public static MiniSeedRecord? TryParse(ReadOnlyMemory<byte> data, int offset, SourceIdCache sourceIds, out string? failure, out int skipBytes)
    {
        var b = data.Span[offset..];
        skipBytes = 0;
        var bigEndian = HeaderIsBigEndian(b) ?? true;

        // Walk the blockette chain. Offsets must move forward, so a corrupt chain cannot loop.
        var limit = Math.Min(b.Length, 1 << L.MaxExponent);
        int? recordLength = null;
        DataEncoding? encoding = null;
        bool? payloadBigEndian = null;
        double? actualRateHz = null;
        var microseconds = 0;
        int? timingQuality = null;
        var blockette = (int)U16(b, L.FirstBlockette, bigEndian);
        var previous = 0;
        while (blockette != 0)
        {
            if (blockette < L.FixedHeaderBytes)
                return Fail($"blockette offset {blockette} points inside the 48-byte fixed header", out failure, recordLength, out skipBytes);
            if (blockette <= previous)
                return Fail($"blockette offset {blockette} does not advance past the previous blockette at {previous}", out failure, recordLength, out skipBytes);
            if (blockette + 4 > limit)
                return Fail($"blockette offset {blockette} lies beyond the record ({limit} bytes)", out failure, recordLength, out skipBytes);
            var type = U16(b, blockette, bigEndian);
            var bodyBytes = type switch { L.Blockette100 => 12, L.Blockette1000 or L.Blockette1001 => 8, _ => 4 };
            if (blockette + bodyBytes > limit)
                return Fail($"blockette {type} at offset {blockette} runs past the record ({limit} bytes)", out failure, recordLength, out skipBytes);
            switch (type)
            {
                case L.Blockette1000:
                    encoding = (DataEncoding)b[blockette + 4];
                    payloadBigEndian = b[blockette + 5] != 0;
                    var exponent = b[blockette + 6];
                    if (exponent is < L.MinExponent or > L.MaxExponent)
                        return Fail($"blockette 1000 record length 2^{exponent} is outside 128 B to 64 KiB", out failure, null, out skipBytes);
                    recordLength = 1 << exponent;
                    if (recordLength > b.Length)
                        return Fail($"record of {recordLength} bytes is truncated: {b.Length} bytes remain", out failure, null, out skipBytes);
                    limit = recordLength.Value;
                    if (blockette + bodyBytes > limit)
                        return Fail($"blockette 1000 at offset {blockette} runs past the record ({limit} bytes)", out failure, recordLength, out skipBytes);
                    break;
                case L.Blockette1001:
                    timingQuality = b[blockette + 4];
                    microseconds = (sbyte)b[blockette + 5];
                    break;
                case L.Blockette100:
                    var rate = bigEndian ? BinaryPrimitives.ReadSingleBigEndian(b[(blockette + 4)..]) : BinaryPrimitives.ReadSingleLittleEndian(b[(blockette + 4)..]);
                    if (float.IsFinite(rate) && rate > 0)
                        actualRateHz = rate;
                    break;
            }
            previous = blockette;
            blockette = U16(b, blockette + 2, bigEndian);
            if (blockette != 0 && blockette >= limit)
                return Fail($"next-blockette offset {blockette} (from the blockette at {previous}) points past the record end ({limit} bytes)", out failure, recordLength, out skipBytes);
        }

        if (recordLength is null)
        {
            // No blockette 1000: the length is the distance to the next record header (records are multiples
            // of 64 bytes, at least 128), or the rest of the input for the last record. Steim-1 is assumed, as in SEED 2.3.
            recordLength = DetectLength(b);
            if (recordLength is null)
                return Fail("no blockette 1000 and no following record header: cannot tell the record length", out failure, null, out skipBytes);
        }
        var length = recordLength.Value;
        skipBytes = length;

        var sampleCount = (int)U16(b, L.SampleCount, bigEndian);
        var dataOffset = (int)U16(b, L.DataOffset, bigEndian);
        var payload = ReadOnlyMemory<byte>.Empty;
        var actualEncoding = encoding ?? DataEncoding.Steim1;
        if (sampleCount > 0)
        {
            if (dataOffset < L.FixedHeaderBytes || dataOffset >= length)
                return Fail($"data offset {dataOffset} lies outside the record (48 to {length - 1})", out failure, length, out skipBytes);
            payload = data.Slice(offset + dataOffset, length - dataOffset);
            if (DataEncodingFacts.SampleTypeOf(actualEncoding) is not null && sampleCount > DataEncodingFacts.MaxSamples(actualEncoding, payload.Length))
                return Fail($"header claims {sampleCount} samples, more than a {payload.Length}-byte {DataEncodingFacts.Describe(actualEncoding)} payload can hold", out failure, length, out skipBytes);
        }

        var start = NanoTime.FromYearDay(U16(b, L.StartYear, bigEndian), U16(b, L.StartDayOfYear, bigEndian), b[L.StartHour], b[L.StartMinute], b[L.StartSecond],
            U16(b, L.StartTenThousandths, bigEndian) * 100_000L + microseconds * 1000L);
        var activity = b[L.ActivityFlags];
        var correction = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(b[L.TimeCorrection..]) : BinaryPrimitives.ReadInt32LittleEndian(b[L.TimeCorrection..]);
        // Activity flag bit 1 says the correction is already in the start time; otherwise it must be added.
        if ((activity & 0x02) == 0 && correction != 0)
            start = start.AddNanoseconds(correction * 100_000L);

        var quality = (char)b[L.QualityIndicator];
        failure = null;
        return new MiniSeedRecord
        {
            OffsetBytes = offset,
            FormatVersion = 2,
            SourceId = sourceIds.Get(b),
            PublicationVersion = quality switch { 'R' => 1, 'D' => 2, 'Q' => 3, 'M' => 4, _ => 0 },
            StartTime = start,
            SampleRateHz = actualRateHz ?? NominalRate(I16(b, L.RateFactor, bigEndian), I16(b, L.RateMultiplier, bigEndian)),
            SampleCount = sampleCount,
            Encoding = actualEncoding,
            RecordLengthBytes = length,
            PayloadIsBigEndian = payloadBigEndian ?? bigEndian,
            Flags = (byte)((activity & 0x01) | ((b[L.DataQualityFlags] >> 7) << 1) | (((b[L.IoFlags] >> 5) & 1) << 2)),
            ExtraHeadersJson = timingQuality is null ? null : "{\"FDSN\":{\"Time\":{\"Quality\":" + timingQuality + "}}}",
            Payload = payload,
            RawBytes = data.Slice(offset, length),
        };
    }

    /// <summary>SEED manual, field 10/11 of the fixed header: rate from a factor and a multiplier, negative meaning "divide".</summary>
    public static double NominalRate(short factor, short multiplier)
    {
        if (factor == 0 || multiplier == 0)
            return 0;
        return (factor > 0, multiplier > 0) switch
        {
            (true, true) => (double)factor * multiplier,
            (true, false) => -(double)factor / multiplier,
            (false, true) => -(double)multiplier / factor,
            (false, false) => 1.0 / ((double)factor * multiplier),
        };
    }

    private static int? DetectLength(ReadOnlySpan<byte> b)
    {
        for (var length = 128; length < b.Length && length <= 1 << L.MaxExponent; length += 64)
        {
            if (LooksLikeHeader(b[length..]) || MiniSeed3Parser.LooksLikeHeader(b[length..]))
                return length;
        }
        return b.Length <= 1 << L.MaxExponent && b.Length >= 128 ? b.Length : null;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);

    private static short I16(ReadOnlySpan<byte> b, int at, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(b[at..]) : BinaryPrimitives.ReadInt16LittleEndian(b[at..]);

    internal static string Ascii(ReadOnlySpan<byte> b, int at, int length) => Encoding.ASCII.GetString(b.Slice(at, length)).TrimEnd(' ', '\0').Trim();

    private static MiniSeedRecord? Fail(string reason, out string failure, int? knownLength, out int skipBytes)
    {
        failure = reason;
        skipBytes = knownLength ?? 0;
        return null;
    }
}

/// <summary>
/// Reuses the SourceId of station, location, channel and network bytes already seen (header bytes 8-19),
/// so a file of many records of few channels builds each identifier once.
/// </summary>
internal sealed class SourceIdCache
{
    private readonly Dictionary<(ulong, uint), SourceId> _known = [];

    public SourceId Get(ReadOnlySpan<byte> header)
    {
        var codes = header.Slice(L.Station, 12);
        var key = (BinaryPrimitives.ReadUInt64LittleEndian(codes), BinaryPrimitives.ReadUInt32LittleEndian(codes[8..]));
        if (_known.TryGetValue(key, out var id))
            return id;
        id = SourceId.FromSeed(MiniSeed2Parser.Ascii(header, L.Network, 2), MiniSeed2Parser.Ascii(header, L.Station, 5),
            MiniSeed2Parser.Ascii(header, L.Location, 2), MiniSeed2Parser.Ascii(header, L.Channel, 3));
        // A corrupt stream could present endless distinct codes; bound the cache rather than the input.
        if (_known.Count < 4096)
            _known[key] = id;
        return id;
    }
}
