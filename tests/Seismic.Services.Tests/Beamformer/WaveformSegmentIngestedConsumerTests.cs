using System.Buffers.Binary;
using MassTransit;
using MassTransit.MessageData;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Beamformer;
using Seismic.Beams;
using Seismic.TestSupport.Beams;
using Seismic.Configuration;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;

namespace Seismic.Services.Tests.Beamformer;

public sealed class WaveformSegmentIngestedConsumerTests : IAsyncDisposable
{
    private static readonly SyntheticEvent Event = new() { BackAzimuthDeg = 40.0 };

    private readonly InMemoryMessageDataRepository payloads = new();
    private ServiceProvider? provider;

    public async ValueTask DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_segment_with_picks_is_published_as_three_beams_steered_by_the_picks()
    {
        var harness = await StartHarness(new ArrayInventorySource(new ArrayInventory(SyntheticArcesFiles.Inventory(), Settings.Array)));
        var hint = new EventHint
        {
            EventId = "ev1",
            Picks = [Pick(39.0), Pick(null), Pick(41.0)],
        };

        await harness.Bus.Publish(await Ingested(SyntheticArces.Segment(Event), hint));

        Assert.True(await harness.Published.Any<BeamsFormed>());
        var beams = harness.Published.Select<BeamsFormed>().Single().Context.Message;
        Assert.Equal("ARCES_20240301T120000Z_300", beams.SegmentId);
        Assert.Equal(BackAzimuthSource.Picks, beams.BackAzimuthSource);
        Assert.Equal(40.0, beams.BackAzimuthDeg, 6);
        Assert.Equal(12_001, beams.SampleCount);
        Assert.Equal(BeamSet.Names, beams.BeamNames);
        Assert.Equal(26, beams.SitesUsed.Count);
        Assert.Empty(beams.Warnings);

        var payload = await (await payloads.GetBytes(beams.Beams.Address)).Value;
        Assert.Equal(3 * 12_001 * sizeof(float), payload.Length);
        var pBeam = Enumerable.Range(0, 12_001).Select(i => BinaryPrimitives.ReadSingleLittleEndian(payload.AsSpan(i * sizeof(float)))).ToArray();
        var peakSeconds = Array.IndexOf(pBeam, pBeam.Skip(200).MaxBy(Math.Abs)) / 40.0;
        Assert.InRange(peakSeconds, Event.PArrivalSeconds - 0.2, Event.PArrivalSeconds + 1.0);
    }

    [Fact]
    public async Task A_segment_without_a_hint_is_steered_by_fk()
    {
        var harness = await StartHarness(new ArrayInventorySource(new ArrayInventory(SyntheticArcesFiles.Inventory(), Settings.Array)));

        await harness.Bus.Publish(await Ingested(SyntheticArces.Segment(Event), hint: null));

        Assert.True(await harness.Published.Any<BeamsFormed>());
        var beams = harness.Published.Select<BeamsFormed>().Single().Context.Message;
        Assert.Equal(BackAzimuthSource.FrequencyWavenumber, beams.BackAzimuthSource);
        Assert.InRange(beams.BackAzimuthDeg, 37.0, 43.0);
        Assert.NotNull(beams.FkRelativePower);
        Assert.NotNull(beams.FkApparentVelocityKmPerS);
    }

    [Fact]
    public async Task Missing_channels_reported_by_ingest_appear_among_the_warnings()
    {
        var harness = await StartHarness(new ArrayInventorySource(new ArrayInventory(SyntheticArcesFiles.Inventory(), Settings.Array)));
        var segment = SyntheticArces.Without(SyntheticArces.Segment(Event), c => c.Site == "ARD5");

        await harness.Bus.Publish(await Ingested(segment, hint: null) with { MissingChannels = ["NO.ARD5..BHZ"] });

        Assert.True(await harness.Published.Any<BeamsFormed>());
        var beams = harness.Published.Select<BeamsFormed>().Single().Context.Message;
        Assert.Contains("NO.ARD5..BHZ: did not arrive before the deadline.", beams.Warnings);
        Assert.DoesNotContain("ARD5", beams.SitesUsed);
    }

    [Fact]
    public async Task Without_an_inventory_the_segment_fails_naming_the_setting()
    {
        var harness = await StartHarness(new ArrayInventorySource(Settings.Array with { InventoryPath = null }));

        await harness.Bus.Publish(await Ingested(SyntheticArces.Segment(Event), hint: null));

        Assert.True(await harness.Published.Any<StageFailed>());
        var failed = harness.Published.Select<StageFailed>().Single().Context.Message;
        Assert.Equal(PipelineStage.Beamformer, failed.Stage);
        Assert.Equal("ARCES_20240301T120000Z_300", failed.SubjectId);
        Assert.Contains("array.inventory_path", failed.Reason, StringComparison.Ordinal);
        Assert.False(await harness.Published.Any<BeamsFormed>());
    }

    [Fact]
    public async Task A_segment_with_too_few_verticals_fails_with_the_reason()
    {
        var harness = await StartHarness(new ArrayInventorySource(new ArrayInventory(SyntheticArcesFiles.Inventory(), Settings.Array)));
        var segment = SyntheticArces.Without(SyntheticArces.Segment(Event), c => c.DipDeg == -90.0 && c.Site != "ARA0");

        await harness.Bus.Publish(await Ingested(segment, hint: null));

        Assert.True(await harness.Published.Any<StageFailed>());
        var failed = harness.Published.Select<StageFailed>().Single().Context.Message;
        Assert.StartsWith("Only 1 usable vertical channels", failed.Reason, StringComparison.Ordinal);
    }

    private static SeismicSettings Settings { get; } = RepositoryFiles.Settings();

    private static PickHint Pick(double? backAzimuthDeg) => new()
    {
        StationCode = "ARCES",
        PhaseHint = "Pn",
        TimeUtc = SyntheticArces.StartUtc.AddSeconds(Event.PArrivalSeconds),
        BackAzimuthDeg = backAzimuthDeg,
    };

    private async Task<WaveformSegmentIngested> Ingested(ArraySegment segment, EventHint? hint) => new()
    {
        SegmentId = "ARCES_20240301T120000Z_300",
        ArrayCode = "ARCES",
        StartUtc = segment.StartUtc,
        EndUtc = segment.EndUtc,
        Channels = [],
        EventHint = hint,
        Waveforms = await payloads.PutBytes(SyntheticArcesFiles.MiniSeed(segment)),
    };

    private async Task<ITestHarness> StartHarness(ArrayInventorySource inventory)
    {
        provider = new ServiceCollection()
            .AddSingleton(inventory)
            .AddSingleton<IMessageDataRepository>(payloads)
            .AddMassTransitTestHarness(bus =>
            {
                // Forming beams with f-k takes a few seconds on a loaded 2-core machine; the harness's default
                // inactivity timeout (about a second) would declare the bus idle before the beams are published.
                bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(4));
                bus.AddBeamformerWorker(Settings);
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseMessageData(payloads);
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return harness;
    }
}
