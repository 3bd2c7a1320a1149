using System.Buffers.Binary;

namespace Seismic.Contracts.Beams;

/// <summary>
/// The byte layout of <see cref="BeamsFormed.Beams"/>, kept beside the contract so the beamformer that writes
/// it and the classifier that reads it cannot drift apart: float32 little-endian, beam after beam, every
/// beam the same length.
/// </summary>
public static class BeamPayload
{
    public static byte[] Encode(IReadOnlyList<double[]> beams) => Encode(beams.Count, SameLength(beams.Select(b => b.Length)), (b, i) => (float)beams[b][i]);

    public static byte[] Encode(IReadOnlyList<float[]> beams) => Encode(beams.Count, SameLength(beams.Select(b => b.Length)), (b, i) => beams[b][i]);

    /// <exception cref="InvalidDataException">The payload's size does not fit the message's beam count and length.</exception>
    public static float[][] Decode(ReadOnlySpan<byte> payload, int beamCount, int samplesPerBeam)
    {
        var expected = (long)beamCount * samplesPerBeam * sizeof(float);
        if (payload.Length != expected)
            throw new InvalidDataException(
                $"the beam payload holds {payload.Length} bytes; {beamCount} beams of {samplesPerBeam} float32 samples need {expected}");

        var beams = new float[beamCount][];
        for (var beam = 0; beam < beamCount; beam++)
        {
            beams[beam] = new float[samplesPerBeam];
            var bytes = payload.Slice(beam * samplesPerBeam * sizeof(float), samplesPerBeam * sizeof(float));
            for (var i = 0; i < samplesPerBeam; i++)
                beams[beam][i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }
        return beams;
    }

    private static byte[] Encode(int beamCount, int samples, Func<int, int, float> sample)
    {
        var payload = new byte[beamCount * samples * sizeof(float)];
        for (var beam = 0; beam < beamCount; beam++)
            for (var i = 0; i < samples; i++)
                BinaryPrimitives.WriteSingleLittleEndian(payload.AsSpan((beam * samples + i) * sizeof(float)), sample(beam, i));
        return payload;
    }

    private static int SameLength(IEnumerable<int> lengths)
    {
        var distinct = lengths.Distinct().ToList();
        if (distinct.Count != 1)
            throw new ArgumentException($"beams must be non-empty and of one length; got lengths {string.Join(", ", distinct)}");
        return distinct[0];
    }
}
