using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.Time;

namespace Seismic.Waveforms.MiniSeed;

/// <summary>
/// One parsed miniSEED 2 or 3 record: its header and a slice of the input holding its payload (no copy).
/// Samples are decoded on demand, either into a new array (<see cref="DecodeSamples"/>) or straight into a
/// trace buffer by <see cref="Traces.TraceAssembler"/>.
/// </summary>
public sealed class MiniSeedRecord
{
    /// <summary>Where the record starts in the input, in bytes.</summary>
    public required long OffsetBytes { get; init; }

    /// <summary>2 or 3.</summary>
    public required int FormatVersion { get; init; }

    public required SourceId SourceId { get; init; }

    /// <summary>miniSEED 3 publication version; for miniSEED 2 the mapping of the quality indicator (R=1, D=2, Q=3, M=4).</summary>
    public required byte PublicationVersion { get; init; }

    /// <summary>Time of the first sample, with the v2 time correction applied where the header says it was not.</summary>
    public required NanoTime StartTime { get; init; }

    /// <summary>0 for records without a time series (text, header-only).</summary>
    public required double SampleRateHz { get; init; }

    public required int SampleCount { get; init; }

    public required DataEncoding Encoding { get; init; }

    public required int RecordLengthBytes { get; init; }

    /// <summary>Byte order of the payload (v2: blockette 1000 word order; v3: big-endian for Steim only).</summary>
    public required bool PayloadIsBigEndian { get; init; }

    /// <summary>Flags in miniSEED 3 form: bit 0 calibration signals present, bit 1 time tag questionable, bit 2 clock locked.</summary>
    public byte Flags { get; init; }

    /// <summary>The CRC-32C stored in a miniSEED 3 header (verified by the reader); null for miniSEED 2.</summary>
    public uint? Crc { get; init; }

    /// <summary>miniSEED 3 extra headers (a JSON string); for miniSEED 2, blockette 1001 timing quality in the same form.</summary>
    public string? ExtraHeadersJson { get; init; }

    public required ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>The whole record as it appeared in the input.</summary>
    public required ReadOnlyMemory<byte> RawBytes { get; init; }

    public SampleType SampleType => SampleCount == 0 ? SampleType.None : DataEncodingFacts.SampleTypeOf(Encoding) ?? SampleType.None;

    public double SamplePeriodSeconds => SampleRateHz > 0 ? 1.0 / SampleRateHz : 0;

    /// <summary>Time of the last sample; equals the start time for records with fewer than two samples or no rate.</summary>
    public NanoTime EndTime => TimeOfSample(StartTime, SampleRateHz, SampleCount - 1);

    /// <summary>The time of sample <paramref name="index"/> after <paramref name="start"/>, rounded to the nanosecond as libmseed does.</summary>
    public static NanoTime TimeOfSample(NanoTime start, double sampleRateHz, long index)
    {
        if (sampleRateHz <= 0 || index <= 0)
            return start;
        return start.AddNanoseconds((long)(index / sampleRateHz * NanoTime.NanosecondsPerSecond + 0.5));
    }

    /// <summary>Decodes the payload into a new array. Use <see cref="DecodedSamples.Status"/> for failures and warnings.</summary>
    public DecodedSamples DecodeSamples()
    {
        var span = Payload.Span;
        switch (DataEncodingFacts.SampleTypeOf(Encoding))
        {
            case SampleType.Int32:
                var ints = new int[SampleCount];
                return new DecodedSamples(SampleType.Int32, ints, SampleDecoder.DecodeInt32(Encoding, span, PayloadIsBigEndian, ints));
            case SampleType.Float32:
                var floats = new float[SampleCount];
                return new DecodedSamples(SampleType.Float32, floats, SampleDecoder.DecodeFloat32(Encoding, span, PayloadIsBigEndian, floats));
            case SampleType.Float64:
                var doubles = new double[SampleCount];
                return new DecodedSamples(SampleType.Float64, doubles, SampleDecoder.DecodeFloat64(Encoding, span, PayloadIsBigEndian, doubles));
            case SampleType.Text:
                var text = new byte[SampleCount];
                return new DecodedSamples(SampleType.Text, text, SampleDecoder.DecodeText(span, text));
            default:
                return new DecodedSamples(SampleType.None, Array.Empty<int>(),
                    SampleCount == 0 ? DecodeStatus.Success : DecodeStatus.Fail($"unsupported encoding {(int)Encoding}"));
        }
    }

    public override string ToString()
        => $"{SourceId}, v{FormatVersion}, {RecordLengthBytes} bytes, {StartTime}, {SampleCount} samples, {SampleRateHz} Hz, {DataEncodingFacts.Describe(Encoding)}";
}

/// <summary>Samples of one record: an int[], float[], double[] or byte[] (text) according to <see cref="Type"/>.</summary>
public sealed record DecodedSamples(SampleType Type, Array Values, DecodeStatus Status);
