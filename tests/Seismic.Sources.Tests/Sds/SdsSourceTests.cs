using Seismic.TestSupport;
using Seismic.Simulation;
using Seismic.Sources.Sds;
using Seismic.Sources.Tests.Support;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Sds;
using Seismic.Waveforms.Selection;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Sources.Tests.Sds;

[Collection(SimulatedArchiveCollection.Name)]
public sealed class SdsSourceTests(SimulatedArchive simulated)
{
    private static readonly DateTime From = SimulatedArchive.Midnight.AddMinutes(-2);
    private static readonly DateTime To = SimulatedArchive.Midnight.AddMinutes(2);

    [Fact]
    public async Task Should_read_every_channel_a_wildcard_selection_matches()
    {
        using var source = new SdsSource(simulated.ArchivePath);

        var read = await source.ReadAsync([new ChannelSelection("NO", "AR*", "*", "BH?")], From, To);

        var expected = ArcesArray.Sites.SelectMany(site => ArcesArray.ChannelCodes.Select(code => $"NO.{site.Name}..{code}")).Order().ToList();
        Assert.Equal(78, expected.Count);
        Assert.Equal(expected, Records.Of(read).Select(r => r.SourceId.SeedCode).Distinct().Order().ToList());
        Assert.Empty(read.Problems);
    }

    [Fact]
    public async Task Should_read_only_the_stations_and_channels_the_patterns_name()
    {
        using var source = new SdsSource(simulated.ArchivePath);

        var read = await source.ReadAsync([new ChannelSelection("NO", "ARA?", "", "BHZ"), new ChannelSelection("NO", "ARC1", "--", "BH?")], From, To);

        Assert.Equal(
            ["NO.ARA0..BHZ", "NO.ARA1..BHZ", "NO.ARA2..BHZ", "NO.ARA3..BHZ", "NO.ARC1..BHE", "NO.ARC1..BHN", "NO.ARC1..BHZ"],
            Records.Of(read).Select(r => r.SourceId.SeedCode).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Should_read_nothing_when_the_location_pattern_matches_no_location()
    {
        using var source = new SdsSource(simulated.ArchivePath);

        var blank = await source.ReadAsync([new ChannelSelection("NO", "ARA0", "", "BHZ")], From, To);
        var other = await source.ReadAsync([new ChannelSelection("NO", "ARA0", "0?", "BHZ")], From, To);

        Assert.False(blank.IsEmpty);
        Assert.True(other.IsEmpty);
    }

    [Fact]
    public async Task Should_return_exactly_the_records_of_the_day_files_that_overlap_the_interval()
    {
        using var source = new SdsSource(simulated.ArchivePath);
        var id = SourceId.FromSeed("NO", "ARB2", "", "BHN");
        var from = SimulatedArchive.Midnight.AddMinutes(3);
        var to = from.AddMinutes(2);

        var read = await source.ReadAsync([ChannelSelection.Of(id)], from, to);

        var everything = new[] { 64, 65 }
            .Select(day => simulated.Summary.Output.Archive.DayFilePath(id, 2024, day))
            .SelectMany(path => MiniSeedReader.ReadFile(path).Records)
            .ToList();
        var overlapping = everything.Where(r => r.EndTime >= NanoTime.FromDateTime(from) && r.StartTime <= NanoTime.FromDateTime(to)).ToList();
        Assert.InRange(overlapping.Count, 2, everything.Count - 2);
        Assert.Equal(Records.Fingerprints(overlapping), Records.Fingerprints(read.MiniSeed));
    }

    [Fact]
    public async Task Should_join_the_day_files_on_both_sides_of_midnight_without_a_gap()
    {
        using var source = new SdsSource(simulated.ArchivePath);
        var id = SourceId.FromSeed("NO", "ARA0", "", "BHZ");

        var records = Records.Of(await source.ReadAsync([ChannelSelection.Of(id)], From, To));

        var midnight = NanoTime.FromDateTime(SimulatedArchive.Midnight);
        Assert.Contains(records, r => r.StartTime < midnight);
        Assert.Contains(records, r => r.StartTime >= midnight);
        var trace = TraceAssembler.Assemble(records).Cut(NanoTime.FromDateTime(From), NanoTime.FromDateTime(To));
        var segment = Assert.Single(trace.Segments);
        Assert.Empty(trace.Discontinuities);
        Assert.Equal(4 * 60 * 40, segment.SampleCount);
    }

    [Fact]
    public async Task Should_find_a_record_that_began_before_midnight_in_the_previous_days_file()
    {
        using var folder = new TempFolder();
        var archive = new SdsArchive(folder.Path);
        var id = SourceId.FromSeed("NO", "ARA0", "", "BHZ");
        var recordStart = NanoTime.FromDateTime(SimulatedArchive.Midnight.AddSeconds(-30));
        var samples = Enumerable.Range(0, 60 * 40).Select(i => i % 5).ToArray();
        var bytes = MiniSeed2Writer.ToBytes(TraceSegment.FromInt32(id, recordStart, 40, samples), new MiniSeed2WriteOptions { RecordLengthBytes = 4096 });
        var previousDay = archive.DayFilePath(id, 2024, 64);
        Directory.CreateDirectory(Path.GetDirectoryName(previousDay)!);
        await File.WriteAllBytesAsync(previousDay, bytes);
        using var source = new SdsSource(folder.Path);

        var read = await source.ReadAsync([ChannelSelection.Of(id)], SimulatedArchive.Midnight.AddSeconds(10), SimulatedArchive.Midnight.AddSeconds(20));

        var record = Assert.Single(Records.Of(read));
        Assert.Equal(recordStart, record.StartTime);
        Assert.Equal(bytes, read.MiniSeed);
    }

    [Fact]
    public async Task Should_return_an_empty_read_for_an_interval_the_archive_does_not_hold()
    {
        using var source = new SdsSource(simulated.ArchivePath);

        var read = await source.ReadAsync([new ChannelSelection("NO", "*", "*", "*")], SimulatedArchive.EndUtc.AddDays(3), SimulatedArchive.EndUtc.AddDays(3).AddHours(1));

        Assert.True(read.IsEmpty);
        Assert.Empty(read.Problems);
    }

    [Fact]
    public async Task Should_return_an_empty_read_for_an_interval_that_ends_where_it_starts()
    {
        using var source = new SdsSource(simulated.ArchivePath);

        var read = await source.ReadAsync([new ChannelSelection("NO", "*", "*", "*")], SimulatedArchive.Midnight, SimulatedArchive.Midnight);

        Assert.True(read.IsEmpty);
    }

    [Fact]
    public void Should_refuse_a_missing_archive_folder_naming_it()
    {
        using var folder = new TempFolder();
        var missing = folder.Combine("no-such-archive");

        var error = Assert.Throws<WaveformSourceException>(() => new SdsSource(missing, "sds://" + missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
