using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Seismic.Waveforms.Encodings;

/// <summary>
/// Steim-1 and Steim-2 decompression (SEED 2.4 manual, appendix B). A payload is a run of 64-byte frames of
/// sixteen 32-bit words. Word 0 of each frame holds sixteen 2-bit nibbles that say how each word is packed.
/// In frame 0, word 1 is the forward integration constant X0 (the first sample) and word 2 the reverse
/// integration constant Xn (the last sample). The first difference refers to the previous record and is skipped.
/// </summary>
public static class SteimDecoder
{
    private const int FrameBytes = 64;
    private const int WordsPerFrame = 16;

    /// <summary>Decodes exactly <paramref name="destination"/>.Length samples.</summary>
    /// <param name="payload">The Steim frames.</param>
    /// <param name="destination">Receives the samples; its length is the record's sample count.</param>
    /// <param name="bigEndian">
    /// Word order of the payload. Steim is big-endian by definition, but little-endian Steim exists: there each
    /// 32-bit word (and each 16-bit Steim-1 difference) is swapped in place, while 8-bit differences keep their order.
    /// </param>
    public static DecodeStatus DecodeSteim1(ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination)
        => Decode(payload, bigEndian, destination, steim2: false);

    public static DecodeStatus DecodeSteim2(ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination)
        => Decode(payload, bigEndian, destination, steim2: true);

    private static DecodeStatus Decode(ReadOnlySpan<byte> payload, bool bigEndian, Span<int> destination, bool steim2)
    {
        var sampleCount = destination.Length;
        if (sampleCount == 0)
            return DecodeStatus.Success;
        var frameCount = payload.Length / FrameBytes;
        if (frameCount == 0)
            return DecodeStatus.Fail($"{Name(steim2)} payload of {payload.Length} bytes holds no 64-byte frame");

        var x0 = ReadInt32(payload[4..], bigEndian);
        var xn = ReadInt32(payload[8..], bigEndian);

        // First pass: differences into the destination, stopping when it is full (the last word may carry padding).
        var count = 0;
        for (var frame = 0; frame < frameCount && count < sampleCount; frame++)
        {
            var frameBytes = payload.Slice(frame * FrameBytes, FrameBytes);
            var nibbles = ReadUInt32(frameBytes, bigEndian);
            for (var word = frame == 0 ? 3 : 1; word < WordsPerFrame && count < sampleCount; word++)
            {
                var nibble = (int)(nibbles >> (30 - 2 * word)) & 3;
                if (nibble == 0)
                    continue;
                var wordBytes = frameBytes.Slice(word * 4, 4);
                var written = steim2
                    ? Steim2Word(nibble, wordBytes, bigEndian, destination, count)
                    : Steim1Word(nibble, wordBytes, bigEndian, destination, count);
                if (written < 0)
                    return DecodeStatus.Fail($"{Name(steim2)} frame {frame} word {word}: invalid difference code");
                count += written;
            }
        }
        if (count < sampleCount)
            return DecodeStatus.Fail($"{Name(steim2)} frames hold {count} differences but the header says {sampleCount} samples");

        // Second pass: integrate. X0 replaces the first difference, which belongs to the previous record.
        destination[0] = x0;
        var last = x0;
        for (var i = 1; i < destination.Length; i++)
        {
            last += destination[i];
            destination[i] = last;
        }
        return last == xn
            ? DecodeStatus.Success
            : DecodeStatus.Warn($"{Name(steim2)} integrity check failed: last sample {last} differs from the reverse integration constant {xn}");
    }

    private static string Name(bool steim2) => steim2 ? "Steim-2" : "Steim-1";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Steim1Word(int nibble, ReadOnlySpan<byte> word, bool bigEndian, Span<int> d, int at)
    {
        switch (nibble)
        {
            case 1:
                return Put(d, at, (sbyte)word[0], (sbyte)word[1], (sbyte)word[2], (sbyte)word[3]);
            case 2:
                var first = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(word) : BinaryPrimitives.ReadInt16LittleEndian(word);
                var second = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(word[2..]) : BinaryPrimitives.ReadInt16LittleEndian(word[2..]);
                return Put(d, at, first, second);
            default:
                d[at] = ReadInt32(word, bigEndian);
                return 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Steim2Word(int nibble, ReadOnlySpan<byte> word, bool bigEndian, Span<int> d, int at)
    {
        if (nibble == 1)
            return Put(d, at, (sbyte)word[0], (sbyte)word[1], (sbyte)word[2], (sbyte)word[3]);
        var w = ReadUInt32(word, bigEndian);
        var dnib = (int)(w >> 30);
        // Shifting left to the top of the word and arithmetic-shifting back sign-extends each bit field.
        var s = (int)w;
        if (nibble == 2)
        {
            return dnib switch
            {
                1 => Put(d, at, (s << 2) >> 2),
                2 => Put(d, at, (s << 2) >> 17, (s << 17) >> 17),
                3 => Put(d, at, (s << 2) >> 22, (s << 12) >> 22, (s << 22) >> 22),
                _ => -1,
            };
        }
        return dnib switch
        {
            0 => Put(d, at, (s << 2) >> 26, (s << 8) >> 26, (s << 14) >> 26, (s << 20) >> 26, (s << 26) >> 26),
            1 => Put(d, at, (s << 2) >> 27, (s << 7) >> 27, (s << 12) >> 27, (s << 17) >> 27, (s << 22) >> 27, (s << 27) >> 27),
            2 => Put(d, at, (s << 4) >> 28, (s << 8) >> 28, (s << 12) >> 28, (s << 16) >> 28, (s << 20) >> 28, (s << 24) >> 28, (s << 28) >> 28),
            _ => -1,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Put(Span<int> d, int at, int a)
    {
        d[at] = a;
        return 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Put(Span<int> d, int at, int a, int b)
    {
        if (at + 2 <= d.Length)
        {
            d[at] = a;
            d[at + 1] = b;
            return 2;
        }
        return PutSome(d, at, [a, b]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Put(Span<int> d, int at, int a, int b, int c)
    {
        if (at + 3 <= d.Length)
        {
            d[at] = a;
            d[at + 1] = b;
            d[at + 2] = c;
            return 3;
        }
        return PutSome(d, at, [a, b, c]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Put(Span<int> d, int at, int a, int b, int c, int e)
    {
        if (at + 4 <= d.Length)
        {
            d[at] = a;
            d[at + 1] = b;
            d[at + 2] = c;
            d[at + 3] = e;
            return 4;
        }
        return PutSome(d, at, [a, b, c, e]);
    }

    private static int Put(Span<int> d, int at, int a, int b, int c, int e, int f)
    {
        if (at + 5 <= d.Length)
        {
            d[at] = a;
            d[at + 1] = b;
            d[at + 2] = c;
            d[at + 3] = e;
            d[at + 4] = f;
            return 5;
        }
        return PutSome(d, at, [a, b, c, e, f]);
    }

    private static int Put(Span<int> d, int at, int a, int b, int c, int e, int f, int g)
    {
        if (at + 6 <= d.Length)
        {
            d[at] = a;
            d[at + 1] = b;
            d[at + 2] = c;
            d[at + 3] = e;
            d[at + 4] = f;
            d[at + 5] = g;
            return 6;
        }
        return PutSome(d, at, [a, b, c, e, f, g]);
    }

    private static int Put(Span<int> d, int at, int a, int b, int c, int e, int f, int g, int h)
    {
        if (at + 7 <= d.Length)
        {
            d[at] = a;
            d[at + 1] = b;
            d[at + 2] = c;
            d[at + 3] = e;
            d[at + 4] = f;
            d[at + 5] = g;
            d[at + 6] = h;
            return 7;
        }
        return PutSome(d, at, [a, b, c, e, f, g, h]);
    }

    /// <summary>The tail of the last record: keep only the differences that fit, the rest is padding.</summary>
    private static int PutSome(Span<int> d, int at, ReadOnlySpan<int> values)
    {
        var n = Math.Min(values.Length, d.Length - at);
        values[..n].CopyTo(d[at..]);
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReadInt32(ReadOnlySpan<byte> bytes, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool bigEndian)
        => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
}
