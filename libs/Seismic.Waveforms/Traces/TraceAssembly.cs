using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;

namespace Seismic.Waveforms.Traces;

public enum DiscontinuityKind
{
    Gap,
    Overlap,
}

/// <summary>
/// A break between two segments of one channel: the last sample before it and the first sample after it.
/// <see cref="MissingSamples"/> is negative for an overlap (how many samples are repeated).
/// </summary>
public sealed record TraceDiscontinuity(SourceId SourceId, DiscontinuityKind Kind, NanoTime LastSampleBefore, NanoTime FirstSampleAfter, double SampleRateHz)
{
    public double SpanSeconds => (FirstSampleAfter - LastSampleBefore) / (double)NanoTime.NanosecondsPerSecond;

    public long MissingSamples => (long)Math.Round(SpanSeconds * SampleRateHz) - 1;
}

/// <summary>Segments per channel (sorted by source identifier, then time), the gaps and overlaps between them, and any problems met.</summary>
public sealed record TraceAssembly(
    IReadOnlyList<TraceSegment> Segments,
    IReadOnlyList<TraceDiscontinuity> Discontinuities,
    IReadOnlyList<ReadProblem> Problems)
{
    public IEnumerable<TraceDiscontinuity> Gaps => Discontinuities.Where(d => d.Kind == DiscontinuityKind.Gap);

    public IEnumerable<TraceDiscontinuity> Overlaps => Discontinuities.Where(d => d.Kind == DiscontinuityKind.Overlap);

    /// <summary>The parts of every segment inside [<paramref name="from"/>, <paramref name="to"/>), sharing memory with these segments.</summary>
    public TraceAssembly Cut(NanoTime from, NanoTime to)
    {
        var cut = Segments.Select(s => s.Cut(from, to)).OfType<TraceSegment>().ToList();
        var breaks = Discontinuities.Where(d => d.FirstSampleAfter >= from && d.LastSampleBefore < to).ToList();
        return this with { Segments = cut, Discontinuities = breaks };
    }
}
