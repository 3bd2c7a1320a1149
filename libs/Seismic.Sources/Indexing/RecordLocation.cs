using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;

namespace Seismic.Sources.Indexing;

/// <summary>Where one miniSEED record lies in a file, and the time span its samples cover.</summary>
public sealed record RecordLocation(SourceId SourceId, NanoTime StartTime, NanoTime EndTime, long OffsetBytes, int LengthBytes)
{
    public bool Overlaps(NanoTime from, NanoTime to) => EndTime >= from && StartTime <= to;
}
