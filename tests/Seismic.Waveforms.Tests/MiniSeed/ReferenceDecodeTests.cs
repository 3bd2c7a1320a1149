using System.Globalization;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Tests.Support;
using Seismic.Waveforms.Traces;

namespace Seismic.Waveforms.Tests.MiniSeed;

/// <summary>Every shared miniSEED file against libmseed 3.4.0's decode of it: one named case per file.</summary>
public class ReferenceDecodeTests
{
    /// <summary>
    /// libmseed decodes this file only "with errors" (its blockette chains are deliberately broken), so its
    /// samples are not a reference; here the broken records are reported and skipped instead.
    /// </summary>
    private const string BestEffortOnly = "libmseed-test/v3.4.0/data/testdata-invalid-blockette-offsets.mseed2";

    public static TheoryData<string> Files => new(SharedData.MiniSeedFiles().Where(f => f != BestEffortOnly));

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_decode_every_shared_file_like_libmseed(string file)
    {
        var path = SharedData.PathOf(file);
        var summary = ReferenceDecode.ReadSummary(file);
        if (summary.Rejected)
        {
            AssertRejected(path);
            return;
        }

        var assembly = MiniSeedFile.ReadTraces(path);
        Assert.Empty(assembly.Problems);
        var expected = ReferenceDecode.ReadSamples(ReferenceDecode.SamplesPath(file));
        Assert.Equal(expected.Count, assembly.Segments.Count);
        for (var i = 0; i < expected.Count; i++)
            AssertSegment(expected[i], assembly.Segments[i], $"{file} segment {i}");

        Assert.Equal(summary.Segments.Count, assembly.Segments.Count);
        for (var i = 0; i < summary.Segments.Count; i++)
        {
            Assert.Equal(summary.Segments[i].Sid, assembly.Segments[i].SourceId.Fdsn);
            Assert.Equal(summary.Segments[i].End, assembly.Segments[i].EndTime);
        }
    }

    [Fact]
    public void Should_report_and_skip_records_with_broken_blockette_chains()
    {
        var result = MiniSeedReader.ReadFile(SharedData.PathOf(BestEffortOnly));

        Assert.Equal(3, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Contains("blockette", p.Reason, StringComparison.Ordinal));
        Assert.Equal([0L, 512L, 1024L], result.Problems.Select(p => p.OffsetBytes));
        Assert.Empty(result.Records);
    }

    private static void AssertRejected(string path)
    {
        var assembly = MiniSeedFile.ReadTraces(path);
        Assert.NotEmpty(assembly.Problems);
        Assert.All(assembly.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Reason)));
        var strict = Assert.Throws<MiniSeedFormatException>(() => MiniSeedFile.ReadTraces(path, new MiniSeedReadOptions { Strict = true }));
        Assert.Contains("byte", strict.Message, StringComparison.Ordinal);
    }

    private static void AssertSegment(ReferenceSegment expected, TraceSegment actual, string where)
    {
        Assert.True(expected.Sid == actual.SourceId.Fdsn, $"{where}: sid {actual.SourceId.Fdsn}, expected {expected.Sid}");
        Assert.True(expected.Start == actual.StartTime, $"{where}: start {actual.StartTime}, expected {expected.Start}");
        Assert.True(Math.Abs(expected.RateHz - actual.SampleRateHz) <= 1e-9 * Math.Max(1, expected.RateHz),
            $"{where}: rate {actual.SampleRateHz}, expected {expected.RateHz}");
        Assert.True(expected.SampleCount == actual.SampleCount, $"{where}: {actual.SampleCount} samples, expected {expected.SampleCount}");
        var expectedType = expected.SampleType switch
        {
            'i' => SampleType.Int32,
            'f' => SampleType.Float32,
            'd' => SampleType.Float64,
            't' => SampleType.Text,
            _ => SampleType.None,
        };
        Assert.Equal(expectedType, actual.SampleType);
        switch (actual.SampleType)
        {
            case SampleType.Int32:
                Assert.Equal(expected.Samples.Select(s => int.Parse(s, CultureInfo.InvariantCulture)), actual.Int32Samples.ToArray());
                break;
            case SampleType.Float32:
                Assert.Equal(expected.Samples.Select(s => float.Parse(s, CultureInfo.InvariantCulture)), actual.Float32Samples.ToArray());
                break;
            case SampleType.Float64:
                Assert.Equal(expected.Samples.Select(s => double.Parse(s, CultureInfo.InvariantCulture)), actual.Float64Samples.ToArray());
                break;
            case SampleType.Text:
                Assert.Equal(expected.Text, actual.TextBytes.ToArray());
                break;
        }
    }
}
