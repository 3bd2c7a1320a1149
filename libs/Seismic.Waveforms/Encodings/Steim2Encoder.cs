using System.Buffers.Binary;

namespace Seismic.Waveforms.Encodings;

/// <summary>
/// Steim-2 compression (SEED 2.4 manual, appendix B), big-endian. Each 32-bit word holds as many first
/// differences as fit: 7 x 4, 6 x 5, 5 x 6 (nibble 3), 4 x 8 (nibble 1), 3 x 10, 2 x 15, 1 x 30 bits (nibble 2).
/// </summary>
public static class Steim2Encoder
{
    private const int FrameBytes = 64;

    // (differences per word, bits per difference, nibble, dnib) from the densest packing down.
    private static readonly (int Count, int Bits, uint Nibble, uint Dnib)[] Packings =
    [
        (7, 4, 3, 2), (6, 5, 3, 1), (5, 6, 3, 0), (4, 8, 1, 0), (3, 10, 2, 3), (2, 15, 2, 2), (1, 30, 2, 1),
    ];

    /// <summary>The largest first difference Steim-2 can hold is a 30-bit signed value.</summary>
    public static bool CanEncode(ReadOnlySpan<int> samples)
    {
        for (var i = 1; i < samples.Length; i++)
        {
            if (!Fits((long)samples[i] - samples[i - 1], 30))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Encodes as many leading samples as fit into <paramref name="frames"/> (a whole number of 64-byte frames).
    /// Returns the number of samples encoded; <paramref name="framesUsed"/> says how many frames hold them.
    /// </summary>
    /// <exception cref="ArgumentException">Two neighbouring samples differ by more than 30 bits allow.</exception>
    public static int Encode(ReadOnlySpan<int> samples, Span<byte> frames, out int framesUsed)
    {
        var frameCount = frames.Length / FrameBytes;
        framesUsed = 0;
        if (samples.IsEmpty || frameCount == 0)
            return 0;
        frames[..(frameCount * FrameBytes)].Clear();

        var next = 0;
        for (var frame = 0; frame < frameCount && next < samples.Length; frame++)
        {
            var frameBytes = frames.Slice(frame * FrameBytes, FrameBytes);
            uint nibbles = 0;
            for (var word = frame == 0 ? 3 : 1; word < 16 && next < samples.Length; word++)
            {
                var (count, bits, nibble, dnib) = ChoosePacking(samples, next);
                uint packed = 0;
                for (var k = 0; k < count; k++)
                {
                    var difference = Difference(samples, next + k);
                    packed |= ((uint)difference & ((1u << bits) - 1)) << (bits * (count - 1 - k));
                }
                if (nibble != 1)
                    packed |= dnib << 30;
                BinaryPrimitives.WriteUInt32BigEndian(frameBytes[(word * 4)..], packed);
                nibbles |= nibble << (30 - 2 * word);
                next += count;
            }
            BinaryPrimitives.WriteUInt32BigEndian(frameBytes, nibbles);
            framesUsed = frame + 1;
        }
        // Forward and reverse integration constants: first and last sample of this record.
        BinaryPrimitives.WriteInt32BigEndian(frames[4..], samples[0]);
        BinaryPrimitives.WriteInt32BigEndian(frames[8..], samples[next - 1]);
        return next;
    }

    /// <summary>The first difference of a record refers to the previous record; decoders ignore it, so 0 is written.</summary>
    private static long Difference(ReadOnlySpan<int> samples, int index) => index == 0 ? 0 : (long)samples[index] - samples[index - 1];

    private static (int Count, int Bits, uint Nibble, uint Dnib) ChoosePacking(ReadOnlySpan<int> samples, int start)
    {
        var remaining = samples.Length - start;
        foreach (var packing in Packings)
        {
            if (packing.Count > remaining)
                continue;
            var fits = true;
            for (var k = 0; k < packing.Count && fits; k++)
                fits = Fits(Difference(samples, start + k), packing.Bits);
            if (fits)
                return packing;
        }
        throw new ArgumentException(
            $"Samples {start - 1} and {start} differ by {Difference(samples, start)}, more than Steim-2's 30-bit differences hold; write them as Int32.", nameof(samples));
    }

    private static bool Fits(long value, int bits) => value >= -(1L << (bits - 1)) && value < 1L << (bits - 1);
}
