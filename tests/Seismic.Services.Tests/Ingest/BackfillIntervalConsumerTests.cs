using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Configuration;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;
using Seismic.Ingest;
using Seismic.TestSupport;
using Seismic.Waveforms.MiniSeed;

namespace Seismic.Services.Tests.Ingest;

/// <summary>The ingest worker as the hosts register it, backfilling a simulated hour from an SDS archive.</summary>
public sealed class BackfillIntervalConsumerTests(SimulatedArchive archive) : IClassFixture<SimulatedArchive>, IAsyncDisposable
{
    private static readonly DateTime Now = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
    private ServiceProvider? _provider;

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
            await _provider.DisposeAsync();
    }

    private async Task<ITestHarness> StartHarness(Dictionary<string, string>? overrides = null)
    {
        var values = new Dictionary<string, string>
        {
            ["source.uri"] = archive.SourceUri,
            ["array.inventory_path"] = archive.Run.Output.InventoryPath,
        };
        foreach (var (key, value) in overrides ?? [])
            values[key] = value;
        var settings = SettingsLoader.Load(RepositoryPaths.SettingsFile, values);
        var payloads = new MassTransit.MessageData.InMemoryMessageDataRepository();
        _provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddSingleton<IMessageDataRepository>(payloads)
            .AddMassTransitTestHarness(bus =>
            {
                // Reading a simulated hour segment by segment takes seconds on a loaded machine; the harness must not
                // call the bus idle between two steps of a backfill.
                bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(10));
                bus.AddIngestWorker(settings);
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseMessageData(payloads);
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = _provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return harness;
    }

    private static BackfillInterval Request(DateTime start, DateTime end) => new()
    {
        BackfillId = Guid.NewGuid(),
        ArrayCode = "ARCES",
        StartUtc = start,
        EndUtc = end,
        RequestedBy = "test",
        RequestedAtUtc = Now,
    };

    private static async Task<BackfillCompleted> Completed(ITestHarness harness, Guid backfillId)
    {
        var failures = string.Join("; ", harness.Consumed.Select<ContinueBackfill>(c => c.Exception is not null).Select(c => c.Exception!.Message));
        Assert.True(await harness.Published.Any<BackfillCompleted>(c => c.Context.Message.BackfillId == backfillId), $"no BackfillCompleted; {failures}");
        return harness.Published.Select<BackfillCompleted>(c => c.Context.Message.BackfillId == backfillId).Single().Context.Message;
    }

    [Fact]
    public async Task Should_publish_every_segment_of_the_interval_with_its_waveforms_and_owned_span()
    {
        var harness = await StartHarness();
        var request = Request(SimulatedArchive.StartUtc.AddMinutes(10), SimulatedArchive.StartUtc.AddMinutes(40));

        await harness.Bus.Publish(request);

        var completed = await Completed(harness, request.BackfillId);
        var segments = harness.Published.Select<WaveformSegmentIngested>().Select(s => s.Context.Message).OrderBy(s => s.StartUtc).ToList();
        Assert.Equal(segments.Count, completed.SegmentsSucceeded);
        Assert.Equal(0, completed.SegmentsFailed);
        Assert.Empty(completed.Problems);
        Assert.True(segments.Count >= 3, $"{segments.Count} segments");
        // The owned spans tile the interval: each window start is reported by one segment.
        for (var i = 1; i < segments.Count; i++)
            Assert.Equal(segments[i - 1].OwnedUntilUtc, segments[i].OwnedFromUtc);
        Assert.True(segments[0].OwnedFromUtc <= request.StartUtc && segments[^1].OwnedUntilUtc >= request.EndUtc);

        var full = segments.First(s => s.StartUtc >= SimulatedArchive.StartUtc.AddSeconds(10) && s.EndUtc <= SimulatedArchive.StartUtc.AddMinutes(59));
        Assert.Equal(26 * 3, full.Channels.Count);
        Assert.Empty(full.MissingChannels);
        Assert.All(full.Channels, c => Assert.Equal(0, c.GapSeconds));
        var records = MiniSeedReader.Read(await full.Waveforms.Value).Records;
        // The edge (window.edge_s, 10 s) is read on both sides for the taper.
        Assert.True(records.Min(r => r.StartTime).ToDateTime() <= full.StartUtc.AddSeconds(-10));
        Assert.True(records.Max(r => r.EndTime).ToDateTime() >= full.EndUtc.AddSeconds(10));
    }

    [Fact]
    public async Task Should_read_a_long_backfill_in_steps_and_count_the_segments_without_data()
    {
        var harness = await StartHarness();
        // 12 hours: 61 segments, of which only those that meet the simulated hour hold data.
        var request = Request(SimulatedArchive.StartUtc.AddHours(-6), SimulatedArchive.StartUtc.AddHours(6));

        await harness.Bus.Publish(request);

        var completed = await Completed(harness, request.BackfillId);
        Assert.True(await harness.Published.Any<ContinueBackfill>(c => c.Context.Message.NextSegment > 0));
        Assert.Equal(completed.SegmentsTotal, completed.SegmentsSucceeded + completed.SegmentsEmpty);
        Assert.InRange(completed.SegmentsSucceeded, 5, 8);
    }

    [Fact]
    public async Task Should_cut_segments_around_the_catalogs_events_when_asked_for_a_catalog()
    {
        var harness = await StartHarness();
        var request = Request(SimulatedArchive.StartUtc, SimulatedArchive.StartUtc.AddMinutes(50)) with { CatalogUri = archive.Run.Output.CatalogPath };

        await harness.Bus.Publish(request);

        var completed = await Completed(harness, request.BackfillId);
        var segments = harness.Published.Select<WaveformSegmentIngested>().Select(s => s.Context.Message).ToList();
        Assert.NotEmpty(segments);
        Assert.All(segments, s =>
        {
            Assert.NotNull(s.EventHint);
            Assert.Null(s.OwnedFromUtc);
            Assert.NotEmpty(s.EventHint!.Picks);
            Assert.InRange(s.EventHint.Picks.Min(p => p.TimeUtc), s.StartUtc, s.EndUtc);
        });
        Assert.Equal(segments.Count, completed.SegmentsSucceeded);
    }

    [Fact]
    public async Task Should_say_there_is_no_data_at_all_when_the_source_holds_none_in_the_interval()
    {
        var harness = await StartHarness();
        var request = Request(SimulatedArchive.StartUtc.AddDays(-3), SimulatedArchive.StartUtc.AddDays(-3).AddHours(1));

        await harness.Bus.Publish(request);

        var completed = await Completed(harness, request.BackfillId);
        Assert.Equal(0, completed.SegmentsSucceeded);
        Assert.Contains(completed.Problems, p => p.Contains("no data at all") && p.Contains(archive.SourceUri));
    }

    [Fact]
    public async Task Should_refuse_an_interval_that_ends_before_it_starts_and_keep_serving()
    {
        var harness = await StartHarness();
        var backwards = Request(SimulatedArchive.StartUtc.AddMinutes(30), SimulatedArchive.StartUtc);
        var next = Request(SimulatedArchive.StartUtc.AddMinutes(10), SimulatedArchive.StartUtc.AddMinutes(20));

        await harness.Bus.Publish(backwards);
        await harness.Bus.Publish(next);

        Assert.True(await harness.Published.Any<BackfillProgressed>(c => c.Context.Message.BackfillId == next.BackfillId));
        Assert.True(await harness.Published.Any<StageFailed>(c => c.Context.Message.BackfillId == backwards.BackfillId));
        var failure = harness.Published.Select<StageFailed>().Single().Context.Message;
        Assert.Equal(PipelineStage.Ingest, failure.Stage);
        Assert.Contains("before it starts", failure.Reason);
        Assert.True((await Completed(harness, next.BackfillId)).SegmentsSucceeded > 0);
        Assert.False(await harness.Published.Any<BackfillProgressed>(c => c.Context.Message.BackfillId == backwards.BackfillId));
    }

    [Theory]
    [InlineData("sds:///no/such/archive", "/no/such/archive")]
    [InlineData("ftp://example.org/data", "unknown source scheme 'ftp'")]
    public async Task Should_refuse_a_source_it_cannot_read_naming_it(string source, string expected)
    {
        var harness = await StartHarness();
        var request = Request(SimulatedArchive.StartUtc, SimulatedArchive.StartUtc.AddMinutes(20)) with { SourceUri = source };

        await harness.Bus.Publish(request);

        Assert.True(await harness.Published.Any<StageFailed>(c => c.Context.Message.BackfillId == request.BackfillId));
        Assert.Contains(expected, harness.Published.Select<StageFailed>().Single().Context.Message.Reason);
    }

    [Fact]
    public async Task Should_refuse_a_backfill_without_an_inventory_saying_where_to_give_one()
    {
        var harness = await StartHarness(new() { ["array.inventory_path"] = "" });
        var request = Request(SimulatedArchive.StartUtc, SimulatedArchive.StartUtc.AddMinutes(20));

        await harness.Bus.Publish(request);

        Assert.True(await harness.Published.Any<StageFailed>(c => c.Context.Message.BackfillId == request.BackfillId));
        Assert.Contains("--inventory", harness.Published.Select<StageFailed>().Single().Context.Message.Reason);
    }

    [Fact]
    public async Task Should_refuse_an_interval_longer_than_the_configured_maximum()
    {
        var harness = await StartHarness(new() { ["source.max_backfill_days"] = "2" });
        var request = Request(SimulatedArchive.StartUtc.AddDays(-10), SimulatedArchive.StartUtc);

        await harness.Bus.Publish(request);

        Assert.True(await harness.Published.Any<StageFailed>(c => c.Context.Message.BackfillId == request.BackfillId));
        Assert.Contains("source.max_backfill_days", harness.Published.Select<StageFailed>().Single().Context.Message.Reason);
    }
}
