using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;

namespace Seismic.Waveforms.Traces;

/// <summary>
/// A continuous run of evenly spaced samples of one channel. The samples live in one of the typed memories
/// (the one matching <see cref="SampleType"/>); slicing and cutting share that memory instead of copying it.
/// </summary>
public sealed class TraceSegment
{
    private readonly ReadOnlyMemory<int> _int32;
    private readonly ReadOnlyMemory<float> _float32;
    private readonly ReadOnlyMemory<double> _float64;
    private readonly ReadOnlyMemory<byte> _text;

    private TraceSegment(SourceId sourceId, NanoTime startTime, NanoTime? endTime, double sampleRateHz, SampleType sampleType, int sampleCount,
        ReadOnlyMemory<int> int32, ReadOnlyMemory<float> float32, ReadOnlyMemory<double> float64, ReadOnlyMemory<byte> text, byte publicationVersion)
    {
        SourceId = sourceId;
        StartTime = startTime;
        SampleRateHz = sampleRateHz;
        SampleType = sampleType;
        SampleCount = sampleCount;
        _int32 = int32;
        _float32 = float32;
        _float64 = float64;
        _text = text;
        PublicationVersion = publicationVersion;
        EndTime = endTime ?? MiniSeedRecord.TimeOfSample(startTime, sampleRateHz, sampleCount - 1);
    }

    public SourceId SourceId { get; }

    /// <summary>Time of the first sample.</summary>
    public NanoTime StartTime { get; }

    /// <summary>Time of the last sample. For assembled data, the end of the last record, as libmseed computes it.</summary>
    public NanoTime EndTime { get; }

    public double SampleRateHz { get; }

    public SampleType SampleType { get; }

    public int SampleCount { get; }

    public byte PublicationVersion { get; }

    public ReadOnlyMemory<int> Int32Samples => _int32;

    public ReadOnlyMemory<float> Float32Samples => _float32;

    public ReadOnlyMemory<double> Float64Samples => _float64;

    /// <summary>The bytes of a text (log) payload.</summary>
    public ReadOnlyMemory<byte> TextBytes => _text;

    public static TraceSegment FromInt32(SourceId sourceId, NanoTime startTime, double sampleRateHz, ReadOnlyMemory<int> samples, byte publicationVersion = 1)
        => new(sourceId, startTime, null, sampleRateHz, SampleType.Int32, samples.Length, samples, default, default, default, publicationVersion);

    public static TraceSegment FromFloat32(SourceId sourceId, NanoTime startTime, double sampleRateHz, ReadOnlyMemory<float> samples, byte publicationVersion = 1)
        => new(sourceId, startTime, null, sampleRateHz, SampleType.Float32, samples.Length, default, samples, default, default, publicationVersion);

    public static TraceSegment FromFloat64(SourceId sourceId, NanoTime startTime, double sampleRateHz, ReadOnlyMemory<double> samples, byte publicationVersion = 1)
        => new(sourceId, startTime, null, sampleRateHz, SampleType.Float64, samples.Length, default, default, samples, default, publicationVersion);

    public static TraceSegment FromText(SourceId sourceId, NanoTime startTime, ReadOnlyMemory<byte> text, byte publicationVersion = 1)
        => new(sourceId, startTime, null, 0, SampleType.Text, text.Length, default, default, default, text, publicationVersion);

    internal static TraceSegment Assembled(SourceId sourceId, NanoTime startTime, NanoTime endTime, double sampleRateHz, SampleType sampleType,
        Array buffer, int first, int count, byte publicationVersion) => sampleType switch
        {
            SampleType.Int32 => new(sourceId, startTime, endTime, sampleRateHz, sampleType, count, ((int[])buffer).AsMemory(first, count), default, default, default, publicationVersion),
            SampleType.Float32 => new(sourceId, startTime, endTime, sampleRateHz, sampleType, count, default, ((float[])buffer).AsMemory(first, count), default, default, publicationVersion),
            SampleType.Float64 => new(sourceId, startTime, endTime, sampleRateHz, sampleType, count, default, default, ((double[])buffer).AsMemory(first, count), default, publicationVersion),
            SampleType.Text => new(sourceId, startTime, endTime, sampleRateHz, sampleType, count, default, default, default, ((byte[])buffer).AsMemory(first, count), publicationVersion),
            _ => new(sourceId, startTime, endTime, sampleRateHz, SampleType.None, 0, default, default, default, default, publicationVersion),
        };

    public NanoTime TimeOfSample(int index) => MiniSeedRecord.TimeOfSample(StartTime, SampleRateHz, index);

    /// <summary>A view of <paramref name="count"/> samples from <paramref name="first"/>, sharing this segment's memory.</summary>
    public TraceSegment Slice(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + count, SampleCount);
        if (first == 0 && count == SampleCount)
            return this;
        var start = TimeOfSample(first);
        return new TraceSegment(SourceId, start, null, SampleRateHz, SampleType, count,
            SampleType == SampleType.Int32 ? _int32.Slice(first, count) : default,
            SampleType == SampleType.Float32 ? _float32.Slice(first, count) : default,
            SampleType == SampleType.Float64 ? _float64.Slice(first, count) : default,
            SampleType == SampleType.Text ? _text.Slice(first, count) : default,
            PublicationVersion);
    }

    /// <summary>The samples whose times fall in [<paramref name="from"/>, <paramref name="to"/>), as a view; null when none do.</summary>
    public TraceSegment? Cut(NanoTime from, NanoTime to)
    {
        if (SampleRateHz <= 0 || SampleCount == 0)
            return StartTime >= from && StartTime < to ? this : null;
        var first = Math.Max(0, IndexAtOrAfter(from));
        var end = Math.Min(SampleCount, IndexAtOrAfter(to));
        return end > first ? Slice(first, end - first) : null;
    }

    private int IndexAtOrAfter(NanoTime time)
    {
        // A millionth of a sample absorbs the nanosecond rounding of record start times.
        var samples = (time - StartTime) / (double)NanoTime.NanosecondsPerSecond * SampleRateHz;
        var index = Math.Ceiling(samples - 1e-6);
        return (int)Math.Clamp(index, int.MinValue / 2.0, int.MaxValue / 2.0);
    }

    /// <summary>A copy of the samples as doubles, whatever their stored type (for signal processing).</summary>
    public double[] ToDoubleArray()
    {
        var result = new double[SampleCount];
        switch (SampleType)
        {
            case SampleType.Int32:
                var ints = _int32.Span;
                for (var i = 0; i < ints.Length; i++)
                    result[i] = ints[i];
                break;
            case SampleType.Float32:
                var floats = _float32.Span;
                for (var i = 0; i < floats.Length; i++)
                    result[i] = floats[i];
                break;
            case SampleType.Float64:
                _float64.Span.CopyTo(result);
                break;
            case SampleType.Text:
                var text = _text.Span;
                for (var i = 0; i < text.Length; i++)
                    result[i] = text[i];
                break;
        }
        return result;
    }

    public override string ToString() => $"{SourceId} {StartTime} to {EndTime}, {SampleRateHz} Hz, {SampleCount} samples ({SampleType})";
}
