using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Sds;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Waveforms.Tests.Sds;

public sealed class SdsArchiveTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sds-tests-" + Guid.NewGuid().ToString("N"));
    private static readonly SourceId Channel = SourceId.FromSeed("NO", "ARA0", "", "BHZ");

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Should_name_day_files_by_the_sds_convention()
    {
        var archive = new SdsArchive(_root);
        var path = archive.DayFilePath(SourceId.FromSeed("IU", "COLA", "00", "LHZ"), 2010, 58);
        Assert.Equal(Path.Combine(_root, "2010", "IU", "COLA", "LHZ.D", "IU.COLA.00.LHZ.D.2010.058"), path);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_write_across_midnight_and_read_a_window_spanning_both_days(int version)
    {
        var archive = new SdsArchive(_root);
        var start = NanoTime.Parse("2023-12-31T23:50:00Z");
        var samples = Enumerable.Range(0, 40 * 1200).Select(i => (int)(5000 * Math.Sin(i / 40.0))).ToArray();
        var segment = TraceSegment.FromInt32(Channel, start, 40, samples);

        if (version == 2)
            archive.Write(segment, new MiniSeed2WriteOptions { RecordLengthBytes = 512, Encoding = DataEncoding.Steim2 });
        else
            archive.Write(segment, new MiniSeed3WriteOptions());

        var day1 = archive.DayFilePath(Channel, 2023, 365);
        var day2 = archive.DayFilePath(Channel, 2024, 1);
        Assert.True(File.Exists(day1));
        Assert.True(File.Exists(day2));
        Assert.All(MiniSeedReader.ReadFile(day1).Records, r => Assert.True(r.EndTime < NanoTime.Parse("2024-01-01T00:00:00Z")));
        Assert.All(MiniSeedReader.ReadFile(day2).Records, r => Assert.True(r.StartTime >= NanoTime.Parse("2024-01-01T00:00:00Z")));

        var from = NanoTime.Parse("2023-12-31T23:58:00Z");
        var to = NanoTime.Parse("2024-01-01T00:03:00Z");
        var window = archive.Read(Channel, from, to);

        Assert.Empty(window.Problems);
        var read = Assert.Single(window.Segments);
        Assert.Equal(from, read.StartTime);
        Assert.Equal(40 * 300, read.SampleCount);
        Assert.Equal(samples.AsSpan(40 * 480, 40 * 300).ToArray(), read.Int32Samples.ToArray());
    }

    [Fact]
    public void Should_return_nothing_for_days_without_files()
    {
        var window = new SdsArchive(_root).Read(Channel, NanoTime.Parse("2020-01-01T00:00:00Z"), NanoTime.Parse("2020-01-03T00:00:00Z"));
        Assert.Empty(window.Segments);
        Assert.Empty(window.Problems);
    }
}
