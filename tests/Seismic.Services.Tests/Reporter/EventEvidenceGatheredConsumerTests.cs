using ImageMagick;
using MassTransit;
using MassTransit.MessageData;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Configuration;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Reports;
using Seismic.Reporter.Consumers;
using Seismic.Reporter.Processing;
using Seismic.TestSupport;

namespace Seismic.Services.Tests.Reporter;

public sealed class EventEvidenceGatheredConsumerTests : IAsyncDisposable
{
    private static readonly DateTime Start = new(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc);
    private readonly TempFolder _folder = new();
    private readonly InMemoryMessageDataRepository _payloads = new();
    private ServiceProvider? _provider;

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
            await _provider.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<ITestHarness> StartHarness()
    {
        _provider = new ServiceCollection()
            .AddSingleton(new ReportSettings { EventGifs = true, PictureConcurrency = 1, DayPictures = false, DayPicturesIntervalS = 60 })
            .AddSingleton(new EventPictures(_folder.Path))
            .AddSingleton(TimeProvider.System)
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<EventEvidenceGatheredConsumer, EventEvidenceGatheredConsumerDefinition>();
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseMessageData(_payloads);
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = _provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return harness;
    }

    /// <summary>Evidence of an event with <paramref name="windows"/> windows of 20 s every 2 s, and beams <paramref name="beamsS"/> long at 10 Hz.</summary>
    private async Task<EventEvidenceGathered> Evidence(int windows, double beamsS)
    {
        const double rateHz = 10;
        var samples = (int)(beamsS * rateHz) + 1;
        var beams = Enumerable.Range(0, 3).Select(b => Enumerable.Range(0, samples).Select(i => (float)Math.Sin(i * 0.3 + b)).ToArray()).ToArray();
        return new EventEvidenceGathered
        {
            EventId = "smi:local/event/7",
            SegmentId = "ARCES_20231030T120000.000Z_20231030T122000.000Z",
            ArrayCode = "ARCES",
            Model = new ModelIdentity { Name = "tiny", Version = 2, Sha256 = new string('b', 64) },
            Label = PredictedLabel.Earthquake,
            MeanDetectorProbability = 0.9,
            MeanClassifierProbability = 0.2,
            DetectorThreshold = 0.5,
            OnsetUtc = Start.AddSeconds(25),
            WindowLengthSeconds = 20,
            Windows = [.. Enumerable.Range(0, windows).Select(i => new WindowClassification
            {
                WindowStartUtc = Start.AddSeconds(2 * i),
                DetectorProbability = 0.9,
                ClassifierProbability = 0.2,
                Label = PredictedLabel.Earthquake,
            })],
            BeamsStartUtc = Start,
            SampleRateHz = rateHz,
            SampleCount = samples,
            BeamNames = ["P-beam, vertical", "S-beam, transverse", "S-beam, radial"],
            Beams = await _payloads.PutBytes(BeamPayload.Encode(beams)),
        };
    }

    [Fact]
    public async Task Should_draw_the_event_into_the_day_folder_and_say_where()
    {
        var harness = await StartHarness();

        await harness.Bus.Publish(await Evidence(windows: 5, beamsS: 28));

        Assert.True(await harness.Published.Any<EventPictureWritten>());
        var written = harness.Published.Select<EventPictureWritten>().Single().Context.Message;
        Assert.Null(written.Problem);
        Assert.Equal(_folder.Combine("2023-10-30", "events", "smi_local_event_7_earthquake_tiny-v2.gif"), written.Path);
        using var gif = new MagickImageCollection(written.Path!);
        Assert.Equal(5, gif.Count);
    }

    [Fact]
    public async Task Should_report_a_picture_it_cannot_draw_without_failing_the_message()
    {
        var harness = await StartHarness();

        // The beams end before the last window does.
        await harness.Bus.Publish(await Evidence(windows: 5, beamsS: 22));

        Assert.True(await harness.Published.Any<EventPictureWritten>());
        var written = harness.Published.Select<EventPictureWritten>().Single().Context.Message;
        Assert.Null(written.Path);
        Assert.Contains("do not cover its windows", written.Problem);
        Assert.False(await harness.Published.Any<Fault<EventEvidenceGathered>>());
        Assert.False(Directory.Exists(_folder.Combine("2023-10-30", "events")) && Directory.EnumerateFiles(_folder.Combine("2023-10-30", "events")).Any());
    }
}
