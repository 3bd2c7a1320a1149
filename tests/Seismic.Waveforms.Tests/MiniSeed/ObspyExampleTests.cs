using System.Text.Json;
using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Tests.Support;
using Seismic.Waveforms.Time;

namespace Seismic.Waveforms.Tests.MiniSeed;

/// <summary>The ObsPy example recordings (arrays, DPRK tests, AGFA blast) against their libmseed decode summaries.</summary>
public class ObspyExampleTests
{
    public static TheoryData<string> Files()
    {
        var root = SharedData.PathOf("obspy-examples");
        return new TheoryData<string>(Directory.EnumerateFiles(root, "*.mseed", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(SharedData.Root, f).Replace(Path.DirectorySeparatorChar, '/')));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_decode_example_recordings_like_their_summaries(string file)
    {
        var path = SharedData.PathOf(file);
        var summary = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, null) + ".decoded-summary.json")).RootElement;

        var assembly = MiniSeedFile.ReadTraces(path);

        Assert.Empty(assembly.Problems);
        Assert.Equal(summary.GetArrayLength(), assembly.Segments.Count);
        var i = 0;
        foreach (var expected in summary.EnumerateArray())
        {
            var segment = assembly.Segments[i++];
            Assert.Equal(expected.GetProperty("sid").GetString(), segment.SourceId.Fdsn);
            Assert.Equal(NanoTime.Parse(expected.GetProperty("start").GetString()!), segment.StartTime);
            Assert.Equal(NanoTime.Parse(expected.GetProperty("end").GetString()!), segment.EndTime);
            Assert.Equal(expected.GetProperty("samprate").GetDouble(), segment.SampleRateHz, 1e-9);
            Assert.Equal(expected.GetProperty("nsamples").GetInt32(), segment.SampleCount);
            Assert.Equal(expected.GetProperty("sampletype").GetString(), segment.SampleType switch
            {
                SampleType.Int32 => "i",
                SampleType.Float32 => "f",
                SampleType.Float64 => "d",
                _ => "?",
            });
            var values = segment.ToDoubleArray();
            Assert.Equal(expected.GetProperty("min").GetDouble(), values.Min());
            Assert.Equal(expected.GetProperty("max").GetDouble(), values.Max());
            var sum = expected.GetProperty("sum").GetDouble();
            Assert.Equal(sum, values.Sum(), Math.Max(1e-6, Math.Abs(sum) * 1e-9));
            Assert.Equal(expected.GetProperty("first10").EnumerateArray().Select(e => e.GetDouble()), values[..10]);
            Assert.Equal(expected.GetProperty("last10").EnumerateArray().Select(e => e.GetDouble()), values[^10..]);
        }
    }
}
