using MassTransit;
using MassTransit.MessageData;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Classifier;
using Seismic.Configuration;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Operations;
using Seismic.Contracts.Training;
using Seismic.Inference.Models;
using Seismic.Inference.Registry;
using Seismic.TestSupport;

namespace Seismic.Services.Tests.Classifier;

public sealed class ClassifierConsumerTests : IAsyncDisposable
{
    private readonly ClassifierFixture _fixture = new();
    private readonly InMemoryMessageDataRepository _payloads = new();
    private ServiceProvider? _provider;

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
            await _provider.DisposeAsync();
        _fixture.Dispose();
    }

    /// <summary>The model the classifier runs now ("tiny v1"), or null.</summary>
    private string? CurrentModel => _provider!.GetRequiredService<ActiveModel>().CurrentId;

    /// <summary>The classifier worker as the hosts register it, on the fixture's registry; it loads the newest "tiny" at start.</summary>
    private async Task<ITestHarness> StartHarness()
    {
        var settings = SettingsLoader.Load(RepositoryPaths.SettingsFile, new Dictionary<string, string>
        {
            ["window.length_s"] = "1",
            ["window.step_s"] = "0.5",
            ["window.p_position_s"] = "0.5",
            ["detection.min_windows_on"] = "2",
            ["detection.merge_gap_windows"] = "1",
            ["model.name"] = "tiny",
            ["paths.models_dir"] = _fixture.Registry.Root,
        });
        _provider = new ServiceCollection()
            .AddSingleton(settings)
            .AddSingleton<IMessageDataRepository>(_payloads)
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddClassifierWorker(settings);
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

    private async Task PublishSegment(ITestHarness harness, float[][] beams) =>
        await harness.Bus.Publish(ClassifierFixture.Segment(beams, await _payloads.PutBytes(BeamPayload.Encode(beams))));

    [Fact]
    public async Task Should_publish_the_windows_and_the_event_of_a_segment()
    {
        _fixture.Register();
        var harness = await StartHarness();

        await PublishSegment(harness, ClassifierFixture.Beams(seconds: 6, eventFromS: 2.01, eventToS: 4.5));

        Assert.True(await harness.Published.Any<WindowsClassified>());
        Assert.Equal(11, harness.Published.Select<WindowsClassified>().Single().Context.Message.Windows.Count);
        Assert.True(await harness.Published.Any<EventClassified>());
        var decision = harness.Published.Select<EventClassified>().Single().Context.Message;
        Assert.Equal(PredictedLabel.Explosion, decision.Label);
        Assert.Equal("tiny", decision.Model.Name);

        // The evidence for the event's picture: its windows and the beams under them, cut from the segment's.
        Assert.True(await harness.Published.Any<EventEvidenceGathered>());
        var evidence = harness.Published.Select<EventEvidenceGathered>().Single().Context.Message;
        Assert.Equal(decision.EventId, evidence.EventId);
        Assert.Equal(decision.Label, evidence.Label);
        Assert.True(evidence.Windows.Count >= decision.WindowCount);
        Assert.Equal(evidence.Windows[0].WindowStartUtc, evidence.BeamsStartUtc);
        var beams = BeamPayload.Decode(await evidence.Beams.Value, evidence.BeamNames.Count, evidence.SampleCount);
        var lastWindowEnd = evidence.Windows[^1].WindowStartUtc.AddSeconds(evidence.WindowLengthSeconds);
        Assert.Equal(lastWindowEnd, evidence.BeamsStartUtc.AddSeconds(evidence.SampleCount / evidence.SampleRateHz), TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, beams.Length);
    }

    [Fact]
    public async Task Should_report_a_segment_at_the_wrong_rate_instead_of_classifying_it()
    {
        _fixture.Register();
        var harness = await StartHarness();
        var beams = ClassifierFixture.Beams(seconds: 6, eventFromS: 0, eventToS: 6);

        await harness.Bus.Publish(ClassifierFixture.Segment(beams, await _payloads.PutBytes(BeamPayload.Encode(beams))) with { SampleRateHz = 20 });

        Assert.True(await harness.Published.Any<StageFailed>());
        Assert.Contains("20 Hz", harness.Published.Select<StageFailed>().Single().Context.Message.Reason);
        Assert.False(await harness.Published.Any<WindowsClassified>());
    }

    [Fact]
    public async Task Should_fail_the_segment_with_the_reason_while_there_is_no_model()
    {
        var harness = await StartHarness();

        await PublishSegment(harness, ClassifierFixture.Beams(seconds: 6, eventFromS: 0, eventToS: 6));

        Assert.True(await harness.Consumed.Any<Contracts.Beams.BeamsFormed>(context => context.Exception is NoModelException));
        Assert.False(await harness.Published.Any<WindowsClassified>());
    }

    [Fact]
    public async Task Should_switch_to_a_published_version_without_a_restart()
    {
        _fixture.Register();
        var harness = await StartHarness();
        var second = _fixture.Register();

        await harness.Bus.Publish(Published(second.Card));

        Assert.True(await harness.Consumed.Any<ModelPublished>());
        Assert.Equal("tiny v2", CurrentModel);
    }

    [Fact]
    public async Task Should_keep_the_current_model_when_the_published_one_is_broken()
    {
        _fixture.Register();
        var harness = await StartHarness();
        var broken = _fixture.Register();
        File.WriteAllText(broken.OnnxPath, "truncated");

        await harness.Bus.Publish(Published(broken.Card));

        Assert.True(await harness.Published.Any<StageFailed>());
        Assert.Contains("changed after it was registered", harness.Published.Select<StageFailed>().Single().Context.Message.Reason);
        Assert.Equal("tiny v1", CurrentModel);
    }

    [Fact]
    public async Task Should_refuse_bad_models_and_switch_to_a_good_one_while_segments_go_on()
    {
        _fixture.Register();
        var harness = await StartHarness();
        var tampered = _fixture.Register();
        File.AppendAllText(tampered.OnnxPath, "\0");
        var wrongShape = _fixture.Register(onnxWindowSamples: ClassifierFixture.WindowSamples * 2);
        var good = _fixture.Register();
        var beams = ClassifierFixture.Beams(seconds: 6, eventFromS: 2.01, eventToS: 4.5);
        var payload = await _payloads.PutBytes(BeamPayload.Encode(beams));
        BeamsFormed Segment(int i) => ClassifierFixture.Segment(beams, payload) with { SegmentId = $"segment-{i}" };

        await harness.Bus.Publish(Segment(0));
        Assert.True(await harness.Published.Any<WindowsClassified>(c => c.Context.Message.SegmentId == "segment-0"));
        // The models arrive while segments stream in: both bad ones are refused, the good one is swapped in.
        var stream = new List<Task>();
        for (var i = 1; i <= 12; i++)
        {
            stream.Add(harness.Bus.Publish(Segment(i)));
            if (i == 3)
                stream.Add(harness.Bus.Publish(Published(tampered.Card)));
            if (i == 6)
                stream.Add(harness.Bus.Publish(Published(wrongShape.Card)));
            if (i == 9)
                stream.Add(harness.Bus.Publish(Published(good.Card)));
        }
        await Task.WhenAll(stream);
        Assert.True(await harness.Consumed.Any<ModelPublished>(c => c.Context.Message.Version == good.Card.Version));
        await harness.Bus.Publish(Segment(13));

        Assert.True(await harness.Published.Any<WindowsClassified>(c => c.Context.Message.SegmentId == "segment-13"));
        for (var i = 0; i <= 13; i++)
            Assert.True(await harness.Published.Any<WindowsClassified>(c => c.Context.Message.SegmentId == $"segment-{i}"), $"segment-{i} was classified");
        var versions = harness.Published.Select<WindowsClassified>().ToDictionary(c => c.Context.Message.SegmentId, c => c.Context.Message.Model.Version);
        Assert.Equal(14, versions.Count);
        Assert.Equal(1, versions["segment-0"]);
        Assert.Equal(good.Card.Version, versions["segment-13"]);
        Assert.All(versions.Values, version => Assert.Contains(version, new[] { 1, good.Card.Version }));
        Assert.False(await harness.Published.Any<Fault>());
        var refusals = harness.Published.Select<StageFailed>().Select(c => c.Context.Message).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Contains(refusals, r => r.SubjectId == $"tiny v{tampered.Card.Version}" && r.Reason.Contains("changed after it was registered"));
        Assert.Contains(refusals, r => r.SubjectId == $"tiny v{wrongShape.Card.Version}" && r.Reason.Contains("takes windows of 82 samples"));
        Assert.Equal($"tiny v{good.Card.Version}", CurrentModel);
    }

    [Fact]
    public async Task Should_refuse_a_model_whose_window_is_not_the_configured_one()
    {
        _fixture.Register();
        var harness = await StartHarness();
        // A model of 2 s windows, sound in itself, for a pipeline that makes 1 s windows.
        var longer = _fixture.Register(onnxWindowSamples: 81, cardWindowSamples: 81);

        await harness.Bus.Publish(Published(longer.Card));

        Assert.True(await harness.Published.Any<StageFailed>());
        Assert.Contains("takes windows of 81 samples at 40 Hz; the configuration makes 41 samples", harness.Published.Select<StageFailed>().Single().Context.Message.Reason);
        Assert.Equal("tiny v1", CurrentModel);
    }

    [Fact]
    public async Task Should_ignore_a_model_it_was_not_configured_to_run()
    {
        _fixture.Register();
        var harness = await StartHarness();
        var other = _fixture.Register(name: "other");

        await harness.Bus.Publish(Published(other.Card));

        Assert.True(await harness.Consumed.Any<ModelPublished>());
        Assert.Equal("tiny v1", CurrentModel);
    }

    private static ModelPublished Published(ModelCard card) => new()
    {
        ModelName = card.Name,
        Version = card.Version,
        Architecture = card.Architecture,
        OnnxLocation = "unused",
        Sha256 = card.OnnxSha256,
        WindowSamples = card.WindowSamples,
        SampleRateHz = card.SampleRateHz,
        CreatedAtUtc = card.CreatedUtc,
    };
}
