using System.Buffers.Binary;

namespace Seismic.Classifier.Processing;

/// <summary>
/// The beams' claim-check payload as <c>BeamsFormed</c> documents it: float32 little-endian, beam after beam,
/// the same number of samples each.
/// </summary>
public static class BeamPayload
{
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

    public static byte[] Encode(IReadOnlyList<float[]> beams)
    {
        var samples = beams[0].Length;
        var payload = new byte[beams.Count * samples * sizeof(float)];
        for (var beam = 0; beam < beams.Count; beam++)
        {
            if (beams[beam].Length != samples)
                throw new ArgumentException($"beam {beam} has {beams[beam].Length} samples, beam 0 has {samples}", nameof(beams));
            for (var i = 0; i < samples; i++)
                BinaryPrimitives.WriteSingleLittleEndian(payload.AsSpan((beam * samples + i) * sizeof(float)), beams[beam][i]);
        }
        return payload;
    }
}
