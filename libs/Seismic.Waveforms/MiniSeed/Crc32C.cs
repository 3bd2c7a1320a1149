using System.Buffers.Binary;
using System.Numerics;

namespace Seismic.Waveforms.MiniSeed;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of miniSEED 3 records. BitOperations.Crc32C uses the CPU's CRC32
/// instruction where there is one; it carries the raw register, so the standard pre- and post-inversion is done here.
/// </summary>
public static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(0xFFFF_FFFF, data);

    /// <summary>Continues a running (pre-inverted) register over more bytes.</summary>
    public static uint Append(uint register, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            register = BitOperations.Crc32C(register, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data)
            register = BitOperations.Crc32C(register, b);
        return register;
    }

    /// <summary>The CRC of a miniSEED 3 record, computed with its CRC field (bytes 28-31) taken as zero.</summary>
    public static uint OfMiniSeed3Record(ReadOnlySpan<byte> record)
    {
        var register = Append(0xFFFF_FFFF, record[..MiniSeed3Layout.CrcOffset]);
        register = Append(register, [0, 0, 0, 0]);
        register = Append(register, record[(MiniSeed3Layout.CrcOffset + 4)..]);
        return ~register;
    }
}
