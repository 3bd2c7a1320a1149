using System.Runtime.InteropServices;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Tests.Support;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Waveforms.Tests.Traces;

public class TraceAssemblerTests
{
    private static readonly SourceId Channel = SourceId.FromSeed("NO", "ARA0", "", "SHZ");
    private static readonly NanoTime Start = NanoTime.Parse("2023-10-30T12:00:00Z");

    /// <summary>Writes consecutive pieces as separate miniSEED 3 records, each starting where asked.</summary>
    private static byte[] Records(params (double OffsetSeconds, int Count)[] pieces)
    {
        using var stream = new MemoryStream();
        foreach (var (offset, count) in pieces)
        {
            var segment = TraceSegment.FromInt32(Channel, Start.AddSeconds(offset), 40, Enumerable.Range(0, count).ToArray());
            MiniSeed3Writer.Write(stream, segment);
        }
        return stream.ToArray();
    }

    [Fact]
    public void Should_join_records_within_half_a_sample_and_split_at_gaps()
    {
        // 40 Hz: 100 samples end at 2.475 s, so the next record is due at 2.5 s.
        var bytes = Records((0, 100), (2.5 + 0.01, 100), (5.0 + 10, 100));

        var assembly = MiniSeedFile.ReadTraces(bytes);

        Assert.Equal(2, assembly.Segments.Count);
        Assert.Equal(200, assembly.Segments[0].SampleCount);
        var gap = Assert.Single(assembly.Gaps);
        Assert.Equal(Start.AddSeconds(2.51 + 99 / 40.0), gap.LastSampleBefore);
        Assert.Equal(Start.AddSeconds(15), gap.FirstSampleAfter);
        Assert.Equal(400, gap.MissingSamples); // 10.015 s between the samples at 40 Hz
    }

    [Fact]
    public void Should_report_overlaps()
    {
        var bytes = Records((0, 100), (2.0, 100));

        var assembly = MiniSeedFile.ReadTraces(bytes);

        Assert.Equal(2, assembly.Segments.Count);
        var overlap = Assert.Single(assembly.Overlaps);
        Assert.True(overlap.MissingSamples < 0);
    }

    [Fact]
    public void Should_honour_a_wider_time_tolerance()
    {
        var bytes = Records((0, 100), (2.5 + 0.1, 100));

        Assert.Equal(2, MiniSeedFile.ReadTraces(bytes).Segments.Count);
        var tolerant = MiniSeedFile.ReadTraces(bytes, assemblyOptions: new TraceAssemblyOptions { TimeToleranceSeconds = 0.2 });
        Assert.Single(tolerant.Segments);
    }

    [Fact]
    public void Should_assemble_out_of_order_records_into_one_segment()
    {
        var bytes = Records((5.0, 100), (0, 100), (2.5, 100));

        var segment = Assert.Single(MiniSeedFile.ReadTraces(bytes).Segments);

        Assert.Equal(Start, segment.StartTime);
        Assert.Equal(300, segment.SampleCount);
    }

    [Fact]
    public void Should_cut_a_time_window_without_copying_samples()
    {
        var segment = MiniSeedFile.ReadTraces(SharedData.PathOf("obspy-examples/dprk-mdj/IC.MDJ.2017.246.mseed")).Segments.Single();
        var from = NanoTime.Parse("2017-09-03T03:30:00Z");
        var to = NanoTime.Parse("2017-09-03T03:40:00Z");

        var cut = segment.Cut(from, to)!;

        Assert.Equal(20 * 600, cut.SampleCount);
        Assert.True(cut.StartTime >= from && cut.StartTime < from.AddSeconds(0.05));
        Assert.True(cut.EndTime < to);
        Assert.True(MemoryMarshal.TryGetArray(segment.Int32Samples, out var whole));
        Assert.True(MemoryMarshal.TryGetArray(cut.Int32Samples, out var part));
        Assert.Same(whole.Array, part.Array);
        var firstIndex = part.Offset - whole.Offset;
        Assert.Equal(segment.TimeOfSample(firstIndex), cut.StartTime);
        Assert.Null(segment.Cut(to.AddDays(1), to.AddDays(2)));
    }

    [Fact]
    public void Should_keep_channels_apart_and_sorted_by_source_identifier()
    {
        var assembly = MiniSeedFile.ReadTraces(SharedData.PathOf("obspy/mseed/SRO_encoding.mseed"));

        Assert.Equal(["FDSN:AS_CTAO__L_H_E", "FDSN:AS_CTAO__L_H_N", "FDSN:AS_CTAO__L_H_Z"], assembly.Segments.Select(s => s.SourceId.Fdsn));
        Assert.Empty(assembly.Discontinuities);
    }
}
