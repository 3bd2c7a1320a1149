using System.Globalization;
using System.Text.Json;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Tests.Support;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Waveforms.Tests.MiniSeed;

/// <summary>Values asserted by ObsPy's and libmseed's own test suites, and the libmseed generator series.</summary>
public class AssertedValuesTests
{
    private static JsonElement Json(string relative) => JsonDocument.Parse(File.ReadAllText(SharedData.PathOf(relative))).RootElement;

    private static TraceAssembly Traces(string relative)
    {
        var assembly = MiniSeedFile.ReadTraces(SharedData.PathOf(relative));
        Assert.Empty(assembly.Problems);
        return assembly;
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    [Fact]
    public void Should_find_the_four_gap_separated_segments_obspy_asserts_in_gaps_mseed()
    {
        var expected = Json("obspy/mseed/obspy-test-asserted-values.json").GetProperty("gaps.mseed");
        var assembly = Traces("obspy/mseed/gaps.mseed");

        var startsUs = expected.GetProperty("trace_starttimes_mstime_us").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        Assert.Equal(startsUs, assembly.Segments.Select(s => s.StartTime.NanosecondsSinceEpoch / 1000));
        var first9 = expected.GetProperty("trace_first9").EnumerateArray().Select(Ints).ToArray();
        for (var i = 0; i < first9.Length; i++)
            Assert.Equal(first9[i], assembly.Segments[i].Int32Samples[..9].ToArray());
        Assert.All(assembly.Segments, s => Assert.Equal(200, s.SampleRateHz));
        Assert.Equal(3, assembly.Gaps.Count());
        Assert.Empty(assembly.Overlaps);
    }

    [Fact]
    public void Should_match_obspy_assertions_on_single_files()
    {
        var json = Json("obspy/mseed/obspy-test-asserted-values.json");

        var test = Traces("obspy/mseed/test.mseed").Segments.Single();
        Assert.Equal("NL.HGN.00.BHZ", test.SourceId.SeedCode);
        Assert.Equal(json.GetProperty("test.mseed").GetProperty("npts").GetInt32(), test.SampleCount);
        Assert.Equal(Ints(json.GetProperty("test.mseed").GetProperty("first5")), test.Int32Samples[..5].ToArray());

        var second = Traces("obspy/mseed/BW.BGLD.__.EHE.D.2008.001.second_record").Segments.Single();
        var secondExpected = json.GetProperty("BW.BGLD.__.EHE.D.2008.001.second_record");
        Assert.Equal(secondExpected.GetProperty("npts").GetInt32(), second.SampleCount);
        Assert.Equal(Ints(secondExpected.GetProperty("first5")), second.Int32Samples[..5].ToArray());
        Assert.Equal(Ints(secondExpected.GetProperty("last5")), second.Int32Samples[^5..].ToArray());
    }

    [Theory]
    [InlineData("SRO_encoding.mseed", "FDSN:AS_CTAO__L_H_Z")]
    [InlineData("DWWSSN_encoding.mseed", null)]
    [InlineData("CDSN_encoding.mseed", null)]
    public void Should_decode_legacy_integer_encodings_like_the_iris_timeseries_service(string file, string? sid)
    {
        var expected = Ints(Json("obspy/mseed/obspy-test-asserted-values.json").GetProperty(file).GetProperty("first5"));
        var segments = Traces($"obspy/mseed/{file}").Segments;
        var segment = sid is null ? segments.Single() : segments.Single(s => s.SourceId.Fdsn == sid);
        Assert.Equal(expected, segment.Int32Samples[..5].ToArray());
    }

    [Fact]
    public void Should_decode_geoscope_16_bit_4_bit_exponent_to_floats()
    {
        var expected = Json("obspy/mseed/obspy-test-asserted-values.json").GetProperty("GEOSCOPE16_4_encoding.mseed").GetProperty("first5")
            .EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var segment = Traces("obspy/mseed/GEOSCOPE16_4_encoding.mseed").Segments.Single();
        Assert.Equal(SampleType.Float32, segment.SampleType);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], segment.Float32Samples.Span[i], 1e-5 * Math.Abs(expected[i]));
    }

    [Theory]
    [InlineData("encoding/nan_float32.mseed")]
    [InlineData("encoding/nan_float64.mseed")]
    public void Should_not_turn_byte_swapped_floats_into_nan(string file)
    {
        var expected = Json("obspy/mseed/obspy-test-asserted-values.json").GetProperty("encoding/nan_float32.mseed and encoding/nan_float64.mseed")
            .GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var actual = Traces($"obspy/mseed/{file}").Segments.Single().ToDoubleArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-4);
    }

    [Fact]
    public void Should_read_the_first_miniseed3_record_as_libmseed_asserts()
    {
        var expected = Json("libmseed-test/v3.4.0/test-read-asserted-values.json").GetProperty("data/testdata-3channel-signal.mseed3").GetProperty("first_record");
        var record = MiniSeedReader.ReadFile(SharedData.PathOf("libmseed-test/v3.4.0/data/testdata-3channel-signal.mseed3")).Records[0];

        Assert.Equal(expected.GetProperty("reclen").GetInt32(), record.RecordLengthBytes);
        Assert.Equal(expected.GetProperty("sid").GetString(), record.SourceId.Fdsn);
        Assert.Equal(3, record.FormatVersion);
        Assert.Equal(expected.GetProperty("flags").GetInt32(), record.Flags);
        Assert.Equal(NanoTime.Parse(expected.GetProperty("starttime").GetString()!), record.StartTime);
        Assert.Equal(expected.GetProperty("samprate").GetDouble(), record.SampleRateHz);
        Assert.Equal(DataEncoding.Steim2, record.Encoding);
        Assert.Equal(expected.GetProperty("pubversion").GetInt32(), record.PublicationVersion);
        Assert.Equal(expected.GetProperty("samplecnt").GetInt32(), record.SampleCount);
        Assert.Equal(Convert.ToUInt32(expected.GetProperty("crc").GetString()![2..], 16), record.Crc);
        Assert.Equal(expected.GetProperty("extra").GetString(), record.ExtraHeadersJson);
        Assert.Equal(expected.GetProperty("datalength").GetInt32(), record.Payload.Length);
        var samples = (int[])record.DecodeSamples().Values;
        Assert.Equal(Ints(expected.GetProperty("samples_0_to_3")), samples[..4]);
        Assert.Equal(Ints(expected.GetProperty("samples_131_to_134")), samples[131..135]);
    }

    [Fact]
    public void Should_read_the_first_miniseed2_record_with_timing_quality_as_extra_header()
    {
        var expected = Json("libmseed-test/v3.4.0/test-read-asserted-values.json").GetProperty("data/testdata-3channel-signal.mseed2").GetProperty("first_record");
        var record = MiniSeedReader.ReadFile(SharedData.PathOf("libmseed-test/v3.4.0/data/testdata-3channel-signal.mseed2")).Records[0];

        Assert.Equal(expected.GetProperty("sid").GetString(), record.SourceId.Fdsn);
        Assert.Equal(NanoTime.Parse(expected.GetProperty("starttime").GetString()!), record.StartTime);
        Assert.Equal(expected.GetProperty("extra").GetString(), record.ExtraHeadersJson);
        Assert.Equal(expected.GetProperty("numsamples").GetInt32(), record.SampleCount);
    }

    [Theory]
    [InlineData("testdata-encoding-CDSN.mseed2")]
    [InlineData("testdata-encoding-DWWSSN.mseed2")]
    [InlineData("testdata-encoding-SRO.mseed2")]
    [InlineData("testdata-encoding-GEOSCOPE-16bit-3exp-encoded.mseed2")]
    public void Should_decode_legacy_encodings_as_libmseed_asserts(string file)
    {
        var expected = Json("libmseed-test/v3.4.0/test-read-asserted-values.json").GetProperty($"data/{file}").GetProperty("samples_0_to_3")
            .EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var actual = Traces($"libmseed-test/v3.4.0/data/{file}").Segments.Single().ToDoubleArray()[..4];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Should_apply_an_unapplied_time_correction_and_assume_steim1_without_blockette_1000()
    {
        var json = Json("libmseed-test/v3.4.0/test-read-asserted-values.json");
        var corrected = MiniSeedReader.ReadFile(SharedData.PathOf("libmseed-test/v3.4.0/data/testdata-unapplied-timecorrection.mseed2")).Records[0];
        Assert.Equal(NanoTime.Parse(json.GetProperty("data/testdata-unapplied-timecorrection.mseed2")
            .GetProperty("first_record_starttime_after_applying_time_correction").GetString()!), corrected.StartTime);

        var expected = json.GetProperty("data/testdata-no-blockette1000-steim1.mseed2").GetProperty("first_record");
        var record = MiniSeedReader.ReadFile(SharedData.PathOf("libmseed-test/v3.4.0/data/testdata-no-blockette1000-steim1.mseed2")).Records[0];
        Assert.Equal(DataEncoding.Steim1, record.Encoding);
        Assert.Equal(4096, record.RecordLengthBytes);
        Assert.Equal(expected.GetProperty("samplecnt").GetInt32(), record.SampleCount);
        var samples = (int[])record.DecodeSamples().Values;
        Assert.Equal(Ints(expected.GetProperty("samples_3628_to_3631")), samples[3628..3632]);
    }

    [Fact]
    public void Should_read_a_detection_record_without_samples()
    {
        var segment = Traces("libmseed-test/v3.4.0/data/testdata-detection.record.mseed2").Segments.Single();
        Assert.Equal(0, segment.SampleCount);
        Assert.Equal(SampleType.None, segment.SampleType);
    }

    public static TheoryData<string, string> GeneratorFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "int16", "int32", "steim1", "steim2", "float32", "float64" })
        {
            foreach (var extension in new[] { "mseed2", "mseed3" })
                data.Add($"reference-testdata-{kind}.{extension}", kind);
        }
        data.Add("reference-testdata-steim1-LE.mseed2", "steim1");
        data.Add("reference-testdata-steim2-LE.mseed2", "steim2");
        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratorFiles))]
    public void Should_decode_libmseeds_generator_series(string file, string kind)
    {
        var rows = File.ReadLines(SharedData.PathOf("libmseed-test/v3.4.0/expected-sine-500.csv"))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("index", StringComparison.Ordinal))
            .Select(l => l.Split(','))
            .ToArray();
        var segment = Traces($"libmseed-test/v3.4.0/data/{file}").Segments.Single();
        var expectedCount = kind switch { "int16" => 220, "steim2" => 499, _ => 500 };
        Assert.Equal(expectedCount, segment.SampleCount);
        for (var i = 0; i < expectedCount; i++)
        {
            var row = rows[i];
            switch (kind)
            {
                case "float64":
                    Assert.Equal(double.Parse(row[1], CultureInfo.InvariantCulture), segment.Float64Samples.Span[i]);
                    break;
                case "float32":
                    Assert.Equal(float.Parse(row[3], CultureInfo.InvariantCulture), segment.Float32Samples.Span[i]);
                    break;
                default:
                    Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), segment.Int32Samples.Span[i]);
                    break;
            }
        }
    }

    [Theory]
    [InlineData("reference-testdata-text.mseed2")]
    [InlineData("reference-testdata-text.mseed3")]
    public void Should_decode_text_payloads_as_utf8(string file)
    {
        var segment = Traces($"libmseed-test/v3.4.0/data/{file}").Segments.Single();
        var text = System.Text.Encoding.UTF8.GetString(segment.TextBytes.Span);
        Assert.StartsWith("I've seen things you people wouldn't believe.", text, StringComparison.Ordinal);
        Assert.Contains("Tannhäuser Gate", text, StringComparison.Ordinal);
        Assert.EndsWith("Time to die.", text, StringComparison.Ordinal);
    }
}
