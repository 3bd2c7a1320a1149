using System.Buffers.Binary;

namespace Seismic.Waveforms.Encodings;

/// <summary>
/// Gain-ranged 16-bit encodings of pre-1990s networks (SEED 2.4 manual, appendix A: CDSN, SRO, DWWSSN, GEOSCOPE).
/// Each sample is a 16-bit word with a gain code in the top bits and a mantissa below.
/// </summary>
public static class LegacyDecoder
{
    /// <summary>
    /// CDSN: bits 15-14 gain code, bits 13-0 mantissa offset by 0x1FFF. The gain codes 0..3 multiply by
    /// 1, 4, 16 and 128.
    /// </summary>
    public static DecodeStatus DecodeCdsn(ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination)
    {
        if (!HasWords(payload, destination.Length, out var failure))
            return failure;
        ReadOnlySpan<int> shift = [0, 2, 4, 7];
        for (var i = 0; i < destination.Length; i++)
        {
            var word = Word(payload, i, bigEndian);
            var mantissa = (word & 0x3FFF) - 0x1FFF;
            destination[i] = mantissa << shift[word >> 14];
        }
        return DecodeStatus.Success;
    }

    /// <summary>SRO: bits 15-12 gain range g, bits 11-0 a two's-complement mantissa; sample = mantissa * 2^(10 - g).</summary>
    public static DecodeStatus DecodeSro(ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination)
    {
        if (!HasWords(payload, destination.Length, out var failure))
            return failure;
        for (var i = 0; i < destination.Length; i++)
        {
            var word = Word(payload, i, bigEndian);
            var mantissa = ((word & 0x0FFF) << 20) >> 20;
            var exponent = 10 - (word >> 12);
            if (exponent < 0)
                return DecodeStatus.Fail($"SRO sample {i}: gain range {word >> 12} is outside 0..10");
            destination[i] = mantissa << exponent;
        }
        return DecodeStatus.Success;
    }

    /// <summary>DWWSSN: plain 16-bit two's-complement integers.</summary>
    public static DecodeStatus DecodeDwwssn(ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination)
    {
        if (!HasWords(payload, destination.Length, out var failure))
            return failure;
        for (var i = 0; i < destination.Length; i++)
            destination[i] = (short)Word(payload, i, bigEndian);
        return DecodeStatus.Success;
    }

    /// <summary>
    /// GEOSCOPE: 16-bit words with a 12-bit unsigned mantissa offset by 2048 and a 3- or 4-bit exponent e
    /// (sample = (mantissa - 2048) / 2^e), or multiplexed 24-bit two's-complement integers.
    /// </summary>
    public static DecodeStatus DecodeGeoscope(DataEncoding encoding, ReadOnlySpan<byte> payload, bool bigEndian, Span<float> destination)
    {
        if (encoding == DataEncoding.GeoscopeMultiplexed24)
        {
            if (payload.Length < destination.Length * 3)
                return DecodeStatus.Fail($"GEOSCOPE 24-bit payload has {payload.Length} bytes, the sample count needs {destination.Length * 3}");
            for (var i = 0; i < destination.Length; i++)
            {
                var b = payload.Slice(i * 3, 3);
                var value = bigEndian ? (b[0] << 16) | (b[1] << 8) | b[2] : (b[2] << 16) | (b[1] << 8) | b[0];
                destination[i] = (value << 8) >> 8;
            }
            return DecodeStatus.Success;
        }
        if (!HasWords(payload, destination.Length, out var failure))
            return failure;
        var exponentMask = encoding == DataEncoding.Geoscope16Bit3BitExponent ? 0x7 : 0xF;
        for (var i = 0; i < destination.Length; i++)
        {
            var word = Word(payload, i, bigEndian);
            var mantissa = (word & 0x0FFF) - 2048;
            var exponent = (word >> 12) & exponentMask;
            destination[i] = (float)(mantissa / (double)(1 << exponent));
        }
        return DecodeStatus.Success;
    }

    private static int Word(ReadOnlySpan<byte> payload, int index, bool bigEndian)
    {
        var bytes = payload.Slice(index * 2, 2);
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
    }

    private static bool HasWords(ReadOnlySpan<byte> payload, int count, out DecodeStatus failure)
    {
        failure = DecodeStatus.Success;
        if (payload.Length >= count * 2)
            return true;
        failure = DecodeStatus.Fail($"payload has {payload.Length} bytes, {count} 16-bit samples need {count * 2}");
        return false;
    }
}
