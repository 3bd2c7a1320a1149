using MassTransit;
using Seismic.Classifier.Processing;
using Seismic.Configuration;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Ingest;
using Seismic.Detection;
using Seismic.Inference.Models;
using Seismic.Metadata.Geometry;
using Seismic.TestSupport;

namespace Seismic.Services.Tests.Classifier;

public sealed class SegmentVerdictTests : IDisposable
{
    private readonly ClassifierFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    /// <summary>Detection scaled to the tiny model's 1 s windows every 0.5 s: events of a few windows.</summary>
    private static readonly SeismicSettings Settings = SettingsLoader.Load(RepositoryPaths.SettingsFile, new Dictionary<string, string>
    {
        ["detection.min_windows_on"] = "2",
        ["detection.merge_gap_windows"] = "1",
    });

    private SegmentVerdict Classify(float[][] beams, EventHint? hint = null, int stepSamples = 20)
    {
        using var model = LoadedModel.Open(_fixture.Register());
        var segment = ClassifierFixture.Segment(beams, new EmptyPayload(), hint);
        var classifier = new SegmentClassifier(new ContinuousDetector(Settings.Detection, Settings.Window.PPositionS), stepSamples, batchSize: 4, new GeoPoint(69.53, 25.51));
        return classifier.Classify(segment, beams, model);
    }

    [Fact]
    public void Should_classify_every_window_and_find_the_event_between_noise()
    {
        // 6 s of beams, windows of 1 s every 0.5 s: starts 0, 0.5, ..., 5.0 -> 11 windows.
        // P beam positive (event) from just after 2 s to 4.5 s: the window from 1.5 s is mostly noise,
        // the one from 2.0 s mostly event.
        var verdict = Classify(ClassifierFixture.Beams(seconds: 6, eventFromS: 2.01, eventToS: 4.5));

        Assert.Null(verdict.Problem);
        Assert.Equal(11, verdict.Windows!.Windows.Count);
        Assert.Equal(0.5, verdict.Windows.WindowStepSeconds);
        var single = Assert.Single(verdict.Events);
        Assert.Equal(PredictedLabel.Explosion, single.Label);
        Assert.Equal(new DateTime(2023, 10, 30, 12, 0, 2, DateTimeKind.Utc), single.StartUtc);
        // No arrival came with the beams: P is placed at the end of the event's first window (2.0 s + 1.025 s),
        // and the direction is the beams'.
        Assert.Equal(new DateTime(2023, 10, 30, 12, 0, 3, 25, DateTimeKind.Utc), single.OnsetUtc);
        Assert.Equal("ARCES_20231030T120003Z", single.EventId);
        Assert.Equal("fk-segment", single.BackAzimuthMethod);
        Assert.Equal(1, verdict.Windows.EventCount);
        Assert.All(verdict.Windows.Windows.Take(2), window => Assert.Equal(PredictedLabel.Noise, window.Label));
    }

    [Fact]
    public void Should_let_every_window_vote_on_a_known_event_and_carry_its_catalog_facts()
    {
        var hint = new EventHint { EventId = "smi:local/event/7", LatitudeDeg = 67.85, LongitudeDeg = 20.22, Magnitude = 2.3, EventType = "explosion" };

        var verdict = Classify(ClassifierFixture.Beams(seconds: 6, eventFromS: 0, eventToS: 6), hint);

        var decision = Assert.Single(verdict.Events);
        Assert.Equal("smi:local/event/7", decision.EventId);
        Assert.Equal(11, decision.Votes["Explosion"]);
        Assert.Equal("explosion", decision.CatalogEventType);
        // The Kiruna mine is about 284 km from the ARCES reference point.
        Assert.InRange(decision.DistanceKm!.Value, 280, 288);
    }

    [Fact]
    public void Should_refuse_beams_shorter_than_one_window_with_the_reason()
    {
        var verdict = Classify(ClassifierFixture.Beams(seconds: 0.5, eventFromS: 0, eventToS: 1));

        Assert.Null(verdict.Windows);
        Assert.Contains("shorter than one window", verdict.Problem);
    }

    /// <summary>The verdict works on decoded beams; the payload itself is not read here.</summary>
    private sealed class EmptyPayload : MessageData<byte[]>
    {
        public Uri Address => new("urn:test:unused");

        public bool HasValue => false;

        public Task<byte[]> Value => Task.FromResult(Array.Empty<byte>());
    }
}
