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
            ["window.step_s"] = "0.5",
            ["window.p_position_s"] = "1",
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
