using Seismic.Sources.Files;
using Seismic.Sources.Tests.Support;
using Seismic.TestSupport;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Selection;
using Seismic.Waveforms.Time;

namespace Seismic.Sources.Tests.Files;

/// <summary>Real files from ObsPy's and libmseed's test data (../shared/data), read in place or copied under other names.</summary>
public sealed class MiniSeedFilesSourceTests
{
    private static readonly string ObspyFolder = Path.Combine(RepositoryPaths.SharedData, "obspy", "mseed");
    private static readonly string LibmseedFolder = Path.Combine(RepositoryPaths.SharedData, "libmseed-test", "v3.4.0", "data");
    private static readonly ChannelSelection Everything = new("*", "*", "*", "*");
    private static readonly DateTime Early = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Late = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Should_read_every_file_a_name_pattern_matches_whatever_their_order_in_time()
    {
        using var folder = new TempFolder();
        // Names sort against time: 2010 first, then 2003, then 2008, and a miniSEED 3 file between them.
        File.Copy(Path.Combine(ObspyFolder, "two_channels.mseed"), folder.Combine("a.mseed"));
        File.Copy(Path.Combine(ObspyFolder, "test.mseed"), folder.Combine("b.mseed"));
        File.Copy(Path.Combine(LibmseedFolder, "reference-testdata-int32.mseed3"), folder.Combine("c.mseed"));
        File.Copy(Path.Combine(ObspyFolder, "gaps.mseed"), folder.Combine("d.mseed"));
        File.Copy(Path.Combine(ObspyFolder, "steim2.mseed"), folder.Combine("e.notes"));
        using var source = new MiniSeedFilesSource(folder.Combine("*.mseed"));

        var read = await source.ReadAsync([Everything], Early, Late);

        var expected = new[] { "a", "b", "c", "d" }.SelectMany(name => MiniSeedReader.ReadFile(folder.Combine(name + ".mseed")).Records);
        Assert.Equal(Records.Fingerprints(expected), Records.Fingerprints(read.MiniSeed));
        Assert.Empty(read.Problems);
    }

    [Fact]
    public async Task Should_keep_only_the_selected_channels_and_the_records_that_overlap_the_interval()
    {
        using var source = new MiniSeedFilesSource(Path.Combine(ObspyFolder, "*.mseed"));
        var from = new DateTime(2008, 1, 1, 0, 0, 5, DateTimeKind.Utc);
        var to = new DateTime(2008, 1, 1, 0, 0, 9, DateTimeKind.Utc);

        var read = await source.ReadAsync([new ChannelSelection("BW", "BGLD", "", "EH?")], from, to);

        var expected = MiniSeedReader.ReadFile(Path.Combine(ObspyFolder, "gaps.mseed")).Records
            .Where(r => r.EndTime >= NanoTime.FromDateTime(from) && r.StartTime <= NanoTime.FromDateTime(to))
            .ToList();
        Assert.InRange(expected.Count, 2, 20);
        Assert.Equal(Records.Fingerprints(expected), Records.Fingerprints(read.MiniSeed));
    }

    [Fact]
    public async Task Should_read_every_file_of_a_folder()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(ObspyFolder, "test.mseed"), folder.Combine("x"));
        File.Copy(Path.Combine(ObspyFolder, "two_channels.mseed"), folder.Combine("y"));
        using var source = new MiniSeedFilesSource(folder.Path);

        var read = await source.ReadAsync([Everything], Early, Late);

        Assert.Equal(
            ["FDSN:BW_UH3__E_H_E", "FDSN:BW_UH3__E_H_Z", "FDSN:NL_HGN_00_B_H_Z"],
            Records.Of(read).Select(r => r.SourceId.Fdsn).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Should_read_a_single_file_in_place()
    {
        var path = Path.Combine(ObspyFolder, "BW.BGLD.__.EHE.D.2008.001.first_10_records");
        using var source = new MiniSeedFilesSource(path);

        var read = await source.ReadAsync([new ChannelSelection("BW", "BGLD", "--", "EHE")], Early, Late);

        Assert.Equal(await File.ReadAllBytesAsync(path), read.MiniSeed);
        Assert.Equal(10, Records.Of(read).Count);
    }

    [Fact]
    public async Task Should_read_the_real_files_a_pattern_matches_in_the_shared_data()
    {
        using var source = new MiniSeedFilesSource(Path.Combine(ObspyFolder, "BW.BGLD.__.EHE.D.2008.001.*"));

        var read = await source.ReadAsync([Everything], Early, Late);

        Assert.Equal(3, source.Files().Count);
        Assert.Equal(10 + 1 + 1, Records.Of(read).Count);
    }

    [Fact]
    public void Should_refuse_a_pattern_that_matches_no_file_naming_the_pattern_and_the_folder()
    {
        var error = Assert.Throws<WaveformSourceException>(() => new MiniSeedFilesSource(Path.Combine(ObspyFolder, "*.mseed4"), "file:///data/*.mseed4"));

        Assert.Contains("file:///data/*.mseed4", error.Message, StringComparison.Ordinal);
        Assert.Contains(ObspyFolder, error.Message, StringComparison.Ordinal);
        Assert.Contains("'*.mseed4'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_folder_that_does_not_exist_naming_it()
    {
        using var folder = new TempFolder();
        var missing = folder.Combine("gone");

        var error = Assert.Throws<WaveformSourceException>(() => new MiniSeedFilesSource(Path.Combine(missing, "*.mseed")));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_return_an_empty_read_when_no_record_overlaps_the_interval()
    {
        using var source = new MiniSeedFilesSource(Path.Combine(ObspyFolder, "test.mseed"));

        var read = await source.ReadAsync([Everything], new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2020, 1, 2, 0, 0, 0, DateTimeKind.Utc));

        Assert.True(read.IsEmpty);
    }
}
