using Seismic.Configuration;
using Seismic.Ingest.Processing;
using Seismic.Ingest.Processing.Live;
using Seismic.Sources;
using Seismic.TestSupport;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Selection;

namespace Seismic.Services.Tests.Ingest.Live;

/// <summary>The live buffer against the SDS source over the same records.</summary>
public sealed class LiveBufferTests(SimulatedArchive archive) : IClassFixture<SimulatedArchive>
{
    private static readonly DateTime From = SimulatedArchive.StartUtc.AddMinutes(10);

    private async Task<IReadOnlyList<MiniSeedRecord>> Records(DateTime fromUtc, DateTime toUtc)
    {
        using var source = WaveformSources.Open(archive.SourceUri);
        var read = await source.ReadAsync([new ChannelSelection("NO", "AR*", "*", "BH?")], fromUtc, toUtc);
        return MiniSeedReader.Read(read.MiniSeed).Records;
    }

    [Fact]
    public async Task Should_give_the_segment_reader_what_the_archive_gives_it()
    {
        var buffer = new LiveBuffer("live");
        ulong sequence = 0;
        // In arrival order, all channels interleaved, as a SeedLink server sends them.
        foreach (var record in (await Records(From.AddMinutes(-2), From.AddMinutes(25))).OrderBy(r => r.EndTime))
            buffer.Add(record, $"{record.SourceId.Network}_{record.SourceId.Station}", ++sequence);
        var reader = new SegmentReader(SettingsLoader.Load(RepositoryPaths.SettingsFile).Array, edgeSeconds: 10);
        using var sds = WaveformSources.Open(archive.SourceUri);

        var live = await reader.Read(buffer, From, From.AddMinutes(20), null, CancellationToken.None);
        var archived = await reader.Read(sds, From, From.AddMinutes(20), null, CancellationToken.None);

        Assert.Equal(archived.Channels, live.Channels);
        Assert.Equal(
            MiniSeedReader.Read(archived.MiniSeed).Records.Select(r => (r.SourceId.Fdsn, r.StartTime, r.SampleCount)).Order(),
            MiniSeedReader.Read(live.MiniSeed).Records.Select(r => (r.SourceId.Fdsn, r.StartTime, r.SampleCount)).Order());
    }

    [Fact]
    public async Task Should_hold_a_record_once_and_say_per_station_what_no_longer_needs_resending()
    {
        var records = (await Records(From, From.AddMinutes(3))).Where(r => r.SourceId.Station == "ARA0").OrderBy(r => r.EndTime).ToList();
        var buffer = new LiveBuffer("live");
        for (var i = 0; i < records.Count; i++)
            Assert.True(buffer.Add(records[i], "NO_ARA0", (ulong)(i + 1)));

        Assert.False(buffer.Add(records[0], "NO_ARA0", 99));
        Assert.Equal(records.Count, buffer.Count);
        Assert.Equal(0UL, buffer.DoneThrough()["NO_ARA0"]);

        var cut = records[records.Count / 2].EndTime.ToDateTime();
        buffer.Prune(cut.AddTicks(1));
        var kept = records.Select((r, i) => (r, Sequence: (ulong)(i + 1))).Where(x => x.r.EndTime.ToDateTime() > cut).ToList();
        Assert.Equal(kept.Count, buffer.Count);
        Assert.Equal(kept.Min(x => x.Sequence) - 1, buffer.DoneThrough()["NO_ARA0"]);
    }
}
