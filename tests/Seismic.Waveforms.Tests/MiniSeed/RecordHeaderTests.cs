using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Tests.Support;

namespace Seismic.Waveforms.Tests.MiniSeed;

/// <summary>Record by record against libmseed's header dumps: boundaries, times, counts and miniSEED 3 CRC-32C values.</summary>
public class RecordHeaderTests
{
    public static TheoryData<string> DumpedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in SharedData.MiniSeedFiles())
        {
            var (folder, name) = SharedData.Locate(file);
            var dump = HeaderDump.Read(folder);
            if (dump.TryGetValue(name, out var entry) && !entry.HadErrors && !ReferenceDecode.ReadSummary(file).Rejected)
                data.Add(file);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DumpedFiles))]
    public void Should_read_record_headers_like_mseedview(string file)
    {
        var (folder, name) = SharedData.Locate(file);
        var expected = HeaderDump.Read(folder)[name].Records;

        var result = MiniSeedReader.ReadFile(SharedData.PathOf(file));

        Assert.Empty(result.Problems);
        Assert.Equal(expected.Count, result.Records.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (want, got) = (expected[i], result.Records[i]);
            Assert.Equal(want.Sid, got.SourceId.Fdsn);
            Assert.Equal(want.FormatVersion, got.FormatVersion);
            Assert.Equal(want.PublicationVersion, got.PublicationVersion);
            Assert.Equal(want.RecordLength, got.RecordLengthBytes);
            Assert.Equal(want.Start, got.StartTime);
            Assert.Equal(want.SampleCount, got.SampleCount);
            // mseedview prints the rate with six significant digits.
            Assert.Equal(want.RateHz, got.SampleRateHz, 1e-5 * Math.Max(1, want.RateHz));
            // libmseed prints -1 for records without blockette 1000, where Steim-1 is assumed.
            Assert.Equal(want.Encoding == -1 ? 10 : want.Encoding, (int)got.Encoding);
            if (got.FormatVersion == 3)
            {
                Assert.Equal(want.Crc, got.Crc);
                Assert.Equal(want.Crc, Crc32C.OfMiniSeed3Record(got.RawBytes.Span));
                Assert.Equal(want.ExtraLength, System.Text.Encoding.UTF8.GetByteCount(got.ExtraHeadersJson ?? ""));
                Assert.Equal(want.PayloadLength, got.Payload.Length);
            }
            else if (got.SampleCount > 0)
                Assert.Equal(want.PayloadLength, got.Payload.Length);
        }
    }

    [Fact]
    public void Should_compute_the_standard_crc32c_check_value()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
    }
}
