using Seismic.Contracts.Beams;

namespace Seismic.Contracts.Tests;

public sealed class BeamPayloadTests
{
    [Fact]
    public void Should_read_back_the_beams_it_wrote_beam_after_beam()
    {
        double[][] beams = [[1, 2, 3], [-1.5, 0, 1e-3], [7, 8, 9]];

        var payload = BeamPayload.Encode(beams);
        var readBack = BeamPayload.Decode(payload, beamCount: 3, samplesPerBeam: 3);

        Assert.Equal(36, payload.Length);
        Assert.Equal([1f, 2f, 3f], readBack[0]);
        Assert.Equal([-1.5f, 0f, 1e-3f], readBack[1]);
        // Little-endian float32: 1.0f is 00 00 80 3F.
        Assert.Equal(new byte[] { 0, 0, 0x80, 0x3F }, payload[..4]);
    }

    [Fact]
    public void Should_refuse_a_payload_whose_size_does_not_match_the_message()
    {
        var error = Assert.Throws<InvalidDataException>(() => BeamPayload.Decode(new byte[35], beamCount: 3, samplesPerBeam: 3));

        Assert.Contains("35 bytes", error.Message);
    }

    [Fact]
    public void Should_refuse_beams_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => BeamPayload.Encode(new[] { new float[3], new float[2] }));
    }
}
