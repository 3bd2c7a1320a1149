using Seismic.Beams;
using Seismic.TestSupport.Beams;
using Seismic.Metadata.StationXml;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Beams.Tests;

public class ArraySegmentBuilderTests
{
    private static readonly DateTime StartUtc = SyntheticArces.StartUtc;

    private readonly ArrayInventory inventory = new(SyntheticArcesFiles.Inventory(), RepositoryFiles.Settings().Array);

    [Fact]
    public void Sites_come_from_the_inventory_as_offsets_from_the_array_reference()
    {
        var segment = Build(Record("ARA0", "BHZ", StartUtc, 400));

        Assert.Equal(26, segment.Sites.Count);
        var d3 = segment.Sites.Single(s => s.Name == "ARD3");
        Assert.Equal(1.651, d3.EastKm, 3);
        Assert.Equal(0.188, d3.NorthKm, 3);
    }

    [Fact]
    public void A_gap_between_records_becomes_NaN_samples_of_the_missing_length()
    {
        var segment = Build(
            Record("ARA0", "BHZ", StartUtc, 400),
            Record("ARA0", "BHZ", StartUtc.AddSeconds(12), 400));

        var trace = segment.Channels.Single().Trace;
        Assert.Equal(StartUtc, trace.StartUtc);
        Assert.Equal(880, trace.Samples.Length);
        Assert.Equal(80, trace.MissingSampleCount);
        Assert.True(double.IsNaN(trace.Samples[400]) && double.IsNaN(trace.Samples[479]));
        Assert.False(double.IsNaN(trace.Samples[480]));
    }

    [Fact]
    public void Sensor_orientation_comes_from_the_inventory()
    {
        var segment = Build(Record("ARB1", "BHE", StartUtc, 400), Record("ARB1", "BHZ", StartUtc, 400));

        var east = segment.Channels.Single(c => c.Trace.ChannelId == "NO.ARB1..BHE");
        var vertical = segment.Channels.Single(c => c.Trace.ChannelId == "NO.ARB1..BHZ");
        Assert.Equal((90.0, 0.0), (east.AzimuthDeg, east.DipDeg));
        Assert.Equal(-90.0, vertical.DipDeg);
        Assert.Empty(segment.KnownProblems);
    }

    [Fact]
    public void A_channel_missing_from_the_inventory_is_oriented_by_its_code_with_a_warning()
    {
        var segment = Build(Record("ARB1", "HHN", StartUtc, 400), Record("ARB1", "HHX", StartUtc, 400));

        var north = Assert.Single(segment.Channels);
        Assert.Equal((0.0, 0.0), (north.AzimuthDeg, north.DipDeg));
        Assert.Contains("NO.ARB1..HHN: no azimuth and dip in the inventory; assumed from the channel code.", segment.KnownProblems);
        Assert.Contains(segment.KnownProblems, p => p.StartsWith("NO.ARB1..HHX: no azimuth and dip in the inventory and none implied", StringComparison.Ordinal));
    }

    [Fact]
    public void A_station_that_is_not_an_array_site_is_not_used()
    {
        var segment = Build(Record("KEV", "BHZ", StartUtc, 400));

        Assert.Empty(segment.Channels);
        Assert.Contains(segment.KnownProblems, p => p.StartsWith("NO.KEV..BHZ: station KEV is not one of the array's sites", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gap_hours_before_the_segment_does_not_drop_the_station()
    {
        // What a source returns for a whole-day file: the segment, plus a minute of ARA0 three hours earlier and
        // nothing in between. Joined whole, ARA0 would be three hours of NaN and fail the max_masked_s check.
        var wave = new SyntheticEvent();
        var segment = SyntheticArces.Segment(wave, hint: new BackAzimuthHint([wave.BackAzimuthDeg], null, null));
        var earlier = new[] { "BHZ", "BHN", "BHE" }.SelectMany(channel => Record("ARA0", channel, StartUtc.AddHours(-3), 2400));
        var miniSeed = SyntheticArcesFiles.MiniSeed(segment).Concat(earlier).ToArray();

        var built = ArraySegmentBuilder.Build(miniSeed, inventory, StartUtc, SyntheticArces.EndUtc, SyntheticArces.EdgeSeconds, segment.Hint, []);
        var beams = new BeamPipeline(RepositoryFiles.Settings()).Form(built);

        Assert.Contains("ARA0", beams.SitesUsed);
        Assert.Equal(26, beams.SitesUsed.Count);
        Assert.DoesNotContain(beams.Warnings, w => w.Contains("ARA0", StringComparison.Ordinal));
        var vertical = built.Channels.Single(c => c.Trace.ChannelId == "NO.ARA0..BHZ").Trace;
        Assert.Equal(StartUtc.AddSeconds(-SyntheticArces.EdgeSeconds), vertical.StartUtc);
        Assert.Equal(0, vertical.MissingSampleCount);
    }

    [Fact]
    public void Bytes_that_are_not_miniSEED_are_reported_not_thrown()
    {
        var text = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("this is not a miniSEED record. ", 40)));

        var segment = ArraySegmentBuilder.Build(text, inventory, StartUtc, StartUtc.AddSeconds(300), 10, null, []);

        Assert.Empty(segment.Channels);
        Assert.NotEmpty(segment.KnownProblems);
    }

    private ArraySegment Build(params byte[][] records) =>
        ArraySegmentBuilder.Build(records.SelectMany(r => r).ToArray(), inventory, StartUtc, StartUtc.AddSeconds(300), 10, null, []);

    private static byte[] Record(string station, string channel, DateTime startUtc, int samples) =>
        MiniSeed2Writer.ToBytes(TraceSegment.FromInt32(
            SourceId.FromSeed("NO", station, "", channel), NanoTime.FromDateTime(startUtc), 40.0, Enumerable.Range(1, samples).ToArray()));
}
