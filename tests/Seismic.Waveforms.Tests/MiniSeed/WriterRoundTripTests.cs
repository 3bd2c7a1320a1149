using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Tests.Support;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Waveforms.Tests.MiniSeed;

public class WriterRoundTripTests
{
    private static readonly SourceId Channel = SourceId.FromSeed("NO", "ARCES", "", "BHZ");

    private static TraceSegment ReadBackSingle(byte[] bytes)
    {
        var assembly = MiniSeedFile.ReadTraces(bytes);
        Assert.Empty(assembly.Problems);
        return Assert.Single(assembly.Segments);
    }

    [Theory]
    [InlineData(DataEncoding.Steim2, 512)]
    [InlineData(DataEncoding.Steim2, 4096)]
    [InlineData(DataEncoding.Int32, 128)]
    [InlineData(DataEncoding.Int32, 8192)]
    public void Should_round_trip_integer_samples_through_miniseed2(DataEncoding encoding, int recordLength)
    {
        var samples = Enumerable.Range(0, 5000).Select(i => (int)(1e6 * Math.Sin(i / 7.0) * Math.Exp(-i / 3000.0)) + i % 13).ToArray();
        var start = NanoTime.Parse("2023-10-30T12:00:00.123456Z");
        var segment = TraceSegment.FromInt32(Channel, start, 40, samples);

        var bytes = MiniSeed2Writer.ToBytes(segment, new MiniSeed2WriteOptions { Encoding = encoding, RecordLengthBytes = recordLength });

        Assert.Equal(0, bytes.Length % recordLength);
        var back = ReadBackSingle(bytes);
        Assert.Equal(samples, back.Int32Samples.ToArray());
        Assert.Equal(start, back.StartTime);
        Assert.Equal(40, back.SampleRateHz);
        Assert.Equal(Channel, back.SourceId);
        Assert.Equal(segment.EndTime, back.EndTime);
    }

    [Theory]
    [InlineData(DataEncoding.Steim2, 4096)]
    [InlineData(DataEncoding.Steim2, 300)]
    [InlineData(DataEncoding.Int32, 1000)]
    public void Should_round_trip_integer_samples_with_nanosecond_start_through_miniseed3(DataEncoding encoding, int maxLength)
    {
        var samples = Enumerable.Range(0, 3333).Select(i => i * i % 100_003 - 50_000).ToArray();
        var start = NanoTime.Parse("2012-05-12T00:00:00.123456789Z");
        var segment = TraceSegment.FromInt32(Channel, start, 100, samples);

        var bytes = MiniSeed3Writer.ToBytes(segment, new MiniSeed3WriteOptions { Encoding = encoding, MaxRecordLengthBytes = maxLength, ExtraHeadersJson = """{"FDSN":{"Time":{"Quality":100}}}""" });

        var read = MiniSeedReader.Read(bytes);
        Assert.Empty(read.Problems);
        Assert.All(read.Records, r => Assert.True(r.RecordLengthBytes <= maxLength));
        Assert.All(read.Records, r => Assert.Equal("""{"FDSN":{"Time":{"Quality":100}}}""", r.ExtraHeadersJson));
        var back = ReadBackSingle(bytes);
        Assert.Equal(samples, back.Int32Samples.ToArray());
        Assert.Equal(start, back.StartTime);
        Assert.Equal(segment.EndTime, back.EndTime);
    }

    [Fact]
    public void Should_round_trip_float32_samples_through_both_versions()
    {
        var samples = Enumerable.Range(0, 1000).Select(i => MathF.Sin(i / 10f) * 1e-6f).Append(float.MaxValue).Append(-0f).ToArray();
        var segment = TraceSegment.FromFloat32(Channel, NanoTime.Parse("2024-01-01T00:00:00Z"), 0.1, samples);

        foreach (var bytes in new[] { MiniSeed2Writer.ToBytes(segment, new MiniSeed2WriteOptions { RecordLengthBytes = 512 }), MiniSeed3Writer.ToBytes(segment) })
        {
            var back = ReadBackSingle(bytes);
            Assert.Equal(SampleType.Float32, back.SampleType);
            Assert.Equal(samples.Select(BitConverter.SingleToInt32Bits), back.Float32Samples.ToArray().Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(0.1, back.SampleRateHz);
            Assert.Equal(segment.StartTime, back.StartTime);
        }
    }

    [Theory]
    [InlineData("libmseed-test/v3.4.0/data/testdata-3channel-signal.mseed3")]
    [InlineData("obspy-examples/dprk-mdj/IC.MDJ.2017.246.mseed")]
    public void Should_rewrite_real_recordings_without_changing_them(string file)
    {
        var original = MiniSeedFile.ReadTraces(SharedData.PathOf(file));
        foreach (var segment in original.Segments)
        {
            var v2 = ReadBackSingle(MiniSeed2Writer.ToBytes(segment, new MiniSeed2WriteOptions { RecordLengthBytes = 512 }));
            var v3 = ReadBackSingle(MiniSeed3Writer.ToBytes(segment));
            Assert.Equal(segment.Int32Samples.ToArray(), v2.Int32Samples.ToArray());
            Assert.Equal(segment.Int32Samples.ToArray(), v3.Int32Samples.ToArray());
            Assert.Equal(segment.StartTime, v3.StartTime);
            Assert.Equal(segment.StartTime, v2.StartTime);
        }
    }

    [Fact]
    public void Should_refuse_steim2_for_differences_beyond_30_bits()
    {
        var segment = TraceSegment.FromInt32(Channel, NanoTime.Epoch, 1, new[] { 0, int.MaxValue, int.MinValue });
        var error = Assert.Throws<ArgumentException>(() => MiniSeed2Writer.ToBytes(segment));
        Assert.Contains("Int32", error.Message, StringComparison.Ordinal);
        Assert.Equal(segment.Int32Samples.ToArray(), ReadBackSingle(MiniSeed3Writer.ToBytes(segment, new MiniSeed3WriteOptions { Encoding = DataEncoding.Int32 })).Int32Samples.ToArray());
    }

    [Fact]
    public void Should_write_a_rate_without_an_exact_factor_pair_in_blockette_100()
    {
        var segment = TraceSegment.FromInt32(Channel, NanoTime.Parse("2020-02-29T23:59:59.5Z"), 20.00022125, Enumerable.Range(0, 300).ToArray());
        var back = ReadBackSingle(MiniSeed2Writer.ToBytes(segment, new MiniSeed2WriteOptions { RecordLengthBytes = 256 }));
        Assert.Equal((float)20.00022125, (float)back.SampleRateHz);
        Assert.Equal(segment.Int32Samples.ToArray(), back.Int32Samples.ToArray());
    }

    /// <summary>Random series whose neighbouring differences fit Steim-2's 30 bits, at random nanosecond starts.</summary>
    [Property(MaxTest = 200)]
    public Property Should_return_identical_samples_and_times_for_any_steim2_series()
    {
        var samples = Gen.Choose(-(1 << 28), 1 << 28).ArrayOf();
        var nanoseconds = Gen.Choose(0, 999_999_999);
        var rates = Gen.Elements(1.0, 20.0, 40.0, 100.0, 200.0, 0.1);
        return Prop.ForAll(Arb.From(samples), Arb.From(nanoseconds), Arb.From(rates), (values, ns, rate) =>
        {
            var start = NanoTime.Parse("2021-06-01T00:00:00Z").AddNanoseconds(ns);
            var segment = TraceSegment.FromInt32(Channel, start, rate, values);
            var v3 = MiniSeedFile.ReadTraces(MiniSeed3Writer.ToBytes(segment, new MiniSeed3WriteOptions { MaxRecordLengthBytes = 512 }));
            var v2 = MiniSeedFile.ReadTraces(MiniSeed2Writer.ToBytes(segment, new MiniSeed2WriteOptions { RecordLengthBytes = 256 }));
            var microsecondStart = new NanoTime((start.NanosecondsSinceEpoch + 500) / 1000 * 1000);
            return v3.Problems.Count == 0 && v2.Problems.Count == 0
                && (values.Length == 0
                    ? v3.Segments.Single().SampleCount == 0 && v2.Segments.Single().SampleCount == 0
                    : v3.Segments.Single().Int32Samples.Span.SequenceEqual(values) && v3.Segments.Single().StartTime == start
                      && v2.Segments.Single().Int32Samples.Span.SequenceEqual(values) && v2.Segments.Single().StartTime == microsecondStart);
        });
    }
}
