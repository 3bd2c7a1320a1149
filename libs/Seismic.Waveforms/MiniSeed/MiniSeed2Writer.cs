using System.Buffers.Binary;
using System.Text;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;
using L = Seismic.Waveforms.MiniSeed.MiniSeed2Layout;

namespace Seismic.Waveforms.MiniSeed;

/// <summary>
/// Writes a segment as big-endian miniSEED 2 records: the 48-byte fixed header, blockette 1000 (encoding, byte
/// order, length), blockette 1001 (the microseconds BTIME cannot hold), blockette 100 when the rate is not an
/// exact factor/multiplier pair, then the payload. v2 times are kept to the microsecond, as libmseed does.
/// </summary>
public static class MiniSeed2Writer
{
    private const int Blockette1000At = 48;
    private const int Blockette1001At = 56;
    private const int Blockette100At = 64;

    public static byte[] ToBytes(TraceSegment segment, MiniSeed2WriteOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(stream, segment, options);
        return stream.ToArray();
    }

    /// <summary>Appends the segment's records to <paramref name="output"/>; returns the number of records.</summary>
    public static int Write(Stream output, TraceSegment segment, MiniSeed2WriteOptions? options = null)
    {
        options ??= new MiniSeed2WriteOptions();
        var length = options.RecordLengthBytes;
        if (length is < 1 << L.MinExponent or > 1 << L.MaxExponent || (length & (length - 1)) != 0)
            throw new ArgumentException($"Record length {length} is not a power of two from 128 to 65536 bytes.", nameof(options));
        if ("DRQM".IndexOf(options.DataQuality) < 0)
            throw new ArgumentException($"Data quality '{options.DataQuality}' is not one of D, R, Q, M.", nameof(options));
        var encoding = options.Encoding ?? RecordPacker.DefaultEncoding(segment.SampleType);
        RecordPacker.CheckEncoding(segment, encoding);
        CheckCodes(segment.SourceId);

        var (factor, multiplier) = RateFields(segment.SampleRateHz);
        var needsBlockette100 = segment.SampleRateHz > 0 && MiniSeed2Parser.NominalRate(factor, multiplier) != segment.SampleRateHz;
        var dataOffset = needsBlockette100 ? 128 : 64;
        var record = new byte[length];
        var written = 0;
        var records = 0;
        do
        {
            Array.Clear(record);
            var count = RecordPacker.Pack(segment, encoding, written, record.AsSpan(dataOffset), bigEndian: true, out var payloadBytes);
            var start = segment.TimeOfSample(written);
            WriteHeader(record, segment, options, options.FirstSequenceNumber + records, start, count, factor, multiplier, encoding,
                dataOffset, needsBlockette100, encoding == DataEncoding.Steim2 ? payloadBytes / 64 : 0);
            output.Write(record);
            written += count;
            records++;
        }
        while (written < segment.SampleCount);
        return records;
    }

    private static void WriteHeader(Span<byte> r, TraceSegment segment, MiniSeed2WriteOptions options, int sequence, NanoTime start, int count,
        short factor, short multiplier, DataEncoding encoding, int dataOffset, bool blockette100, int steimFrames)
    {
        Encoding.ASCII.GetBytes((sequence % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture), r);
        r[L.QualityIndicator] = (byte)options.DataQuality;
        r[7] = (byte)' ';
        Ascii(r, L.Station, 5, segment.SourceId.Station);
        Ascii(r, L.Location, 2, segment.SourceId.Location);
        Ascii(r, L.Channel, 3, segment.SourceId.Channel);
        Ascii(r, L.Network, 2, segment.SourceId.Network);

        // BTIME has 0.0001 s; blockette 1001 adds the remaining microseconds (0..99).
        var microsecondsInSecond = (start.SubsecondNanoseconds + 500) / 1000;
        var wholeSecond = start.AddNanoseconds(-start.SubsecondNanoseconds);
        if (microsecondsInSecond == 1_000_000)
        {
            wholeSecond = wholeSecond.AddNanoseconds(NanoTime.NanosecondsPerSecond);
            microsecondsInSecond = 0;
        }
        var calendar = wholeSecond.ToDateTime();
        BinaryPrimitives.WriteUInt16BigEndian(r[L.StartYear..], (ushort)calendar.Year);
        BinaryPrimitives.WriteUInt16BigEndian(r[L.StartDayOfYear..], (ushort)calendar.DayOfYear);
        r[L.StartHour] = (byte)calendar.Hour;
        r[L.StartMinute] = (byte)calendar.Minute;
        r[L.StartSecond] = (byte)calendar.Second;
        BinaryPrimitives.WriteUInt16BigEndian(r[L.StartTenThousandths..], (ushort)(microsecondsInSecond / 100));
        BinaryPrimitives.WriteUInt16BigEndian(r[L.SampleCount..], (ushort)count);
        BinaryPrimitives.WriteInt16BigEndian(r[L.RateFactor..], factor);
        BinaryPrimitives.WriteInt16BigEndian(r[L.RateMultiplier..], multiplier);
        // The start time is exact, so the (absent) time correction counts as applied.
        r[L.ActivityFlags] = 0x02;
        r[L.BlocketteCount] = (byte)(blockette100 ? 3 : 2);
        BinaryPrimitives.WriteUInt16BigEndian(r[L.DataOffset..], (ushort)(count > 0 ? dataOffset : 0));
        BinaryPrimitives.WriteUInt16BigEndian(r[L.FirstBlockette..], Blockette1000At);

        BinaryPrimitives.WriteUInt16BigEndian(r[Blockette1000At..], L.Blockette1000);
        BinaryPrimitives.WriteUInt16BigEndian(r[(Blockette1000At + 2)..], Blockette1001At);
        r[Blockette1000At + 4] = (byte)encoding;
        r[Blockette1000At + 5] = 1;
        r[Blockette1000At + 6] = (byte)int.Log2(r.Length);

        BinaryPrimitives.WriteUInt16BigEndian(r[Blockette1001At..], L.Blockette1001);
        BinaryPrimitives.WriteUInt16BigEndian(r[(Blockette1001At + 2)..], (ushort)(blockette100 ? Blockette100At : 0));
        r[Blockette1001At + 5] = (byte)(sbyte)(microsecondsInSecond % 100);
        r[Blockette1001At + 7] = (byte)steimFrames;

        if (blockette100)
        {
            BinaryPrimitives.WriteUInt16BigEndian(r[Blockette100At..], L.Blockette100);
            BinaryPrimitives.WriteSingleBigEndian(r[(Blockette100At + 4)..], (float)segment.SampleRateHz);
        }
    }

    /// <summary>
    /// The factor/multiplier pair for a rate: the rate itself when it is a whole number, the period (negative
    /// factor) when that is, otherwise the closest decimal fraction (blockette 100 then carries the exact rate).
    /// </summary>
    internal static (short Factor, short Multiplier) RateFields(double rateHz)
    {
        if (rateHz <= 0)
            return (0, 0);
        if (rateHz == Math.Round(rateHz) && rateHz <= short.MaxValue)
            return ((short)rateHz, 1);
        var period = 1.0 / rateHz;
        if (period == Math.Round(period) && period <= short.MaxValue)
            return ((short)-period, 1);
        for (var divisor = 10000; divisor >= 1; divisor /= 10)
        {
            var scaled = Math.Round(rateHz * divisor);
            if (scaled <= short.MaxValue && scaled >= 1)
                return ((short)scaled, (short)-divisor);
        }
        return (short.MaxValue, 1);
    }

    private static void CheckCodes(SourceId id)
    {
        if (id.Network.Length > 2 || id.Station.Length > 5 || id.Location.Length > 2 || id.Channel.Length > 3)
            throw new ArgumentException($"{id} does not fit SEED 2 codes (network 2, station 5, location 2, channel 3 characters); write miniSEED 3.");
    }

    private static void Ascii(Span<byte> r, int at, int width, string value)
    {
        r.Slice(at, width).Fill((byte)' ');
        Encoding.ASCII.GetBytes(value, r[at..]);
    }
}
