using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.SeedLink.Server;

/// <summary>
/// One record as the replay server sends it: a 512-byte miniSEED 2 record (what protocol 3 carries) with its
/// station's sequence number; protocol 4 clients get the same samples as miniSEED 3, made once when first asked.
/// </summary>
public sealed class ReplayPacket(string stationId, ulong sequence, MiniSeedRecord record)
{
    private byte[]? _miniSeed3;

    /// <summary>NET_STA.</summary>
    public string StationId { get; } = stationId;

    public ulong Sequence { get; } = sequence;

    public MiniSeedRecord Record { get; } = record;

    public SourceId Channel => Record.SourceId;

    public NanoTime StartTime => Record.StartTime;

    /// <summary>The last sample plus one period: when a digitiser would have sent the record.</summary>
    public NanoTime EndTime => Record.EndTime.AddSeconds(Record.SamplePeriodSeconds);

    public ReadOnlyMemory<byte> MiniSeed2 => Record.RawBytes;

    public byte[] MiniSeed3
    {
        get
        {
            if (_miniSeed3 is { } made)
                return made;
            var samples = Record.DecodeSamples();
            var segment = samples.Values switch
            {
                int[] ints => TraceSegment.FromInt32(Record.SourceId, Record.StartTime, Record.SampleRateHz, ints, Record.PublicationVersion),
                float[] floats => TraceSegment.FromFloat32(Record.SourceId, Record.StartTime, Record.SampleRateHz, floats, Record.PublicationVersion),
                double[] doubles => TraceSegment.FromFloat64(Record.SourceId, Record.StartTime, Record.SampleRateHz, doubles, Record.PublicationVersion),
                _ => throw new InvalidOperationException($"{Record.SourceId}: record at {Record.StartTime} has no samples to send as miniSEED 3"),
            };
            return _miniSeed3 = MiniSeed3Writer.ToBytes(segment);
        }
    }
}
