using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Seismic.Waveforms.Encodings;

/// <summary>
/// Decodes a record payload into a caller-supplied span, so records can be decoded straight into a trace's
/// buffer without an intermediate copy. The span's length is the number of samples wanted.
/// </summary>
public static class SampleDecoder
{
    public static DecodeStatus DecodeInt32(DataEncoding encoding, ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination)
    {
        return encoding switch
        {
            DataEncoding.Steim1 => SteimDecoder.DecodeSteim1(payload, bigEndian, destination),
            DataEncoding.Steim2 => SteimDecoder.DecodeSteim2(payload, bigEndian, destination),
            DataEncoding.Int32 => Int32s(payload, bigEndian, destination),
            DataEncoding.Int16 => Int16s(payload, bigEndian, destination),
            DataEncoding.Int24 => Int24s(payload, bigEndian, destination),
            DataEncoding.Cdsn => LegacyDecoder.DecodeCdsn(payload, bigEndian, destination),
            DataEncoding.Sro => LegacyDecoder.DecodeSro(payload, bigEndian, destination),
            DataEncoding.Dwwssn => LegacyDecoder.DecodeDwwssn(payload, bigEndian, destination),
            _ => Unsupported(encoding, SampleType.Int32),
        };
    }

    public static DecodeStatus DecodeFloat32(DataEncoding encoding, ReadOnlySpan<byte> payload, bool bigEndian, Span<float> destination)
    {
        return encoding switch
        {
            DataEncoding.Float32 => Fixed(payload, bigEndian, MemoryMarshal.Cast<float, int>(destination), 4),
            DataEncoding.GeoscopeMultiplexed24 or DataEncoding.Geoscope16Bit3BitExponent or DataEncoding.Geoscope16Bit4BitExponent
                => LegacyDecoder.DecodeGeoscope(encoding, payload, bigEndian, destination),
            _ => Unsupported(encoding, SampleType.Float32),
        };
    }

    public static DecodeStatus DecodeFloat64(DataEncoding encoding, ReadOnlySpan<byte> payload, bool bigEndian, Span<double> destination)
    {
        if (encoding != DataEncoding.Float64)
            return Unsupported(encoding, SampleType.Float64);
        var needed = destination.Length * 8;
        if (payload.Length < needed)
            return TooShort(encoding, payload.Length, needed);
        var source = MemoryMarshal.Cast<byte, long>(payload[..needed]);
        var target = MemoryMarshal.Cast<double, long>(destination);
        if (bigEndian == BitConverter.IsLittleEndian)
            BinaryPrimitives.ReverseEndianness(source, target);
        else
            source.CopyTo(target);
        return DecodeStatus.Success;
    }

    /// <summary>Text payloads are copied as bytes; libmseed treats each byte as one sample.</summary>
    public static DecodeStatus DecodeText(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        if (payload.Length < destination.Length)
            return TooShort(DataEncoding.Text, payload.Length, destination.Length);
        payload[..destination.Length].CopyTo(destination);
        return DecodeStatus.Success;
    }

    private static DecodeStatus Int32s(ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination)
        => Fixed(payload, bigEndian, destination, 4);

    private static DecodeStatus Fixed(ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination, int size)
    {
        var needed = destination.Length * size;
        if (payload.Length < needed)
            return TooShort(size == 4 ? DataEncoding.Int32 : DataEncoding.Float32, payload.Length, needed);
        var source = MemoryMarshal.Cast<byte, int>(payload[..needed]);
        if (bigEndian == BitConverter.IsLittleEndian)
            BinaryPrimitives.ReverseEndianness(source, destination);
        else
            source.CopyTo(destination);
        return DecodeStatus.Success;
    }

    private static DecodeStatus Int16s(ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination)
    {
        var needed = destination.Length * 2;
        if (payload.Length < needed)
            return TooShort(DataEncoding.Int16, payload.Length, needed);
        for (var i = 0; i < destination.Length; i++)
        {
            var bytes = payload.Slice(i * 2, 2);
            destination[i] = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(bytes) : BinaryPrimitives.ReadInt16LittleEndian(bytes);
        }
        return DecodeStatus.Success;
    }

    private static DecodeStatus Int24s(ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination)
    {
        var needed = destination.Length * 3;
        if (payload.Length < needed)
            return TooShort(DataEncoding.Int24, payload.Length, needed);
        for (var i = 0; i < destination.Length; i++)
        {
            var b = payload.Slice(i * 3, 3);
            var value = bigEndian ? (b[0] << 16) | (b[1] << 8) | b[2] : (b[2] << 16) | (b[1] << 8) | b[0];
            destination[i] = (value << 8) >> 8;
        }
        return DecodeStatus.Success;
    }

    private static DecodeStatus TooShort(DataEncoding encoding, int have, int need)
        => DecodeStatus.Fail($"{DataEncodingFacts.Describe(encoding)} payload has {have} bytes, the sample count needs {need}");

    private static DecodeStatus Unsupported(DataEncoding encoding, SampleType wanted)
    {
        var type = DataEncodingFacts.SampleTypeOf(encoding);
        return type is null
            ? DecodeStatus.Fail($"unsupported encoding {(int)encoding}")
            : DecodeStatus.Fail($"encoding {(int)encoding} ({DataEncodingFacts.Describe(encoding)}) decodes to {type}, not {wanted}");
    }
}
