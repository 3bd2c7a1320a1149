using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.Traces;

namespace Seismic.Waveforms.MiniSeed;

/// <summary>Fills one payload with as many samples of a segment as fit, in the byte order a format wants.</summary>
internal static class RecordPacker
{
    public static DataEncoding DefaultEncoding(SampleType type) => type switch
    {
        SampleType.Int32 => DataEncoding.Steim2,
        SampleType.Float32 => DataEncoding.Float32,
        SampleType.Float64 => DataEncoding.Float64,
        SampleType.Text => DataEncoding.Text,
        _ => DataEncoding.Text,
    };

    public static void CheckEncoding(TraceSegment segment, DataEncoding encoding)
    {
        var ok = (segment.SampleType, encoding) switch
        {
            (SampleType.Int32, DataEncoding.Steim2 or DataEncoding.Int32) => true,
            (SampleType.Float32, DataEncoding.Float32) => true,
            (SampleType.Float64, DataEncoding.Float64) => true,
            (SampleType.Text, DataEncoding.Text) => true,
            (SampleType.None, _) => true,
            _ => false,
        };
        if (!ok)
            throw new ArgumentException($"Cannot write {segment.SampleType} samples as {DataEncodingFacts.Describe(encoding)}; " +
                "supported: Int32 as Steim-2 or Int32, Float32 as Float32, Float64 as Float64, text as Text.");
    }

    /// <summary>Packs samples from <paramref name="first"/>; returns how many, and the payload bytes used.</summary>
    public static int Pack(TraceSegment segment, DataEncoding encoding, int first, Span<byte> payload, bool bigEndian, out int payloadBytes)
    {
        var remaining = segment.SampleCount - first;
        switch (encoding)
        {
            case DataEncoding.Steim2:
                var encoded = Steim2Encoder.Encode(segment.Int32Samples.Span[first..], payload, out var frames);
                payloadBytes = frames * 64;
                return encoded;
            case DataEncoding.Int32:
                return Fixed(MemoryMarshal.AsBytes(segment.Int32Samples.Span[first..]), 4, remaining, payload, bigEndian, out payloadBytes);
            case DataEncoding.Float32:
                return Fixed(MemoryMarshal.AsBytes(segment.Float32Samples.Span[first..]), 4, remaining, payload, bigEndian, out payloadBytes);
            case DataEncoding.Float64:
                return Fixed(MemoryMarshal.AsBytes(segment.Float64Samples.Span[first..]), 8, remaining, payload, bigEndian, out payloadBytes);
            default:
                var count = Math.Min(remaining, payload.Length);
                segment.TextBytes.Span.Slice(first, count).CopyTo(payload);
                payloadBytes = count;
                return count;
        }
    }

    private static int Fixed(ReadOnlySpan<byte> nativeBytes, int size, int remaining, Span<byte> payload, bool bigEndian, out int payloadBytes)
    {
        var count = Math.Min(remaining, payload.Length / size);
        payloadBytes = count * size;
        var source = nativeBytes[..payloadBytes];
        var target = payload[..payloadBytes];
        if (bigEndian != !BitConverter.IsLittleEndian)
        {
            if (size == 4)
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, int>(source), MemoryMarshal.Cast<byte, int>(target));
            else
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, long>(source), MemoryMarshal.Cast<byte, long>(target));
        }
        else
            source.CopyTo(target);
        return count;
    }
}
