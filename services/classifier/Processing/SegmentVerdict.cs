using System.Globalization;
using Seismic.Beams;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Ingest;
using Seismic.Detection;
using Seismic.Inference.Models;
using Seismic.Inference.Voting;
using Seismic.Inference.Windows;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;

namespace Seismic.Classifier.Processing;

/// <summary>
/// What the reporter gets for one segment: the windows it reports, and per event the decision and the evidence
/// behind it. Either the segment can be classified, or <see cref="Problem"/> says why not.
/// </summary>
public sealed record SegmentVerdict(WindowsClassified? Windows, IReadOnlyList<EventEvidence> Evidence, string? Problem)
{
    public IReadOnlyList<EventClassified> Events => [.. Evidence.Select(e => e.Decision)];

    public static SegmentVerdict Refused(string problem) => new(null, [], problem);
}

/// <summary>
/// One event's decision with what it rests on: the windows that voted and the span of the segment's beams
/// they cover, from the first window's start (<see cref="FirstSample"/>) for <see cref="SampleCount"/> samples.
/// </summary>
public sealed record EventEvidence(EventClassified Decision, IReadOnlyList<WindowClassification> Windows, int FirstSample, int SampleCount, double DetectorThreshold);

/// <summary>
/// Classifies a segment's beams. A segment cut around a known event (it carries an event hint) is judged as
/// the original did: every window votes on that one event. Any other segment goes through continuous
/// detection (<see cref="ContinuousDetector"/>): the detector finds the events, each is voted on by its own
/// windows, and the segment reports only the windows and events in its owned span.
/// </summary>
public sealed class SegmentClassifier(ContinuousDetector detector, int stepSamples, int batchSize, GeoPoint arrayReference)
{
    public SegmentVerdict Classify(BeamsFormed segment, IReadOnlyList<float[]> beams, LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(model);
        var card = model.Card;
        if (Math.Abs(segment.SampleRateHz - card.SampleRateHz) > 1e-9)
            return SegmentVerdict.Refused($"beams are at {segment.SampleRateHz:G} Hz, model {card.Id} takes {card.SampleRateHz:G} Hz");
        if (beams.Count != model.Network.Channels)
            return SegmentVerdict.Refused($"{beams.Count} beams arrived, model {card.Id} takes {model.Network.Channels}");
        if (segment.SampleCount < card.WindowSamples)
            return SegmentVerdict.Refused($"the segment has {segment.SampleCount} samples ({segment.SampleCount / segment.SampleRateHz:F1} s), shorter than one window of model {card.Id} ({card.WindowSamples} samples)");

        var windows = WindowClassifier.Classify(model, beams, stepSamples, batchSize);
        var starts = windows.Select(w => segment.StartUtc.AddSeconds(w.StartSample / segment.SampleRateHz)).ToList();
        var identity = new ModelIdentity { Name = card.Name, Version = card.Version, Sha256 = card.OnnxSha256 };
        var windowSeconds = card.WindowSamples / card.SampleRateHz;
        var owned = segment.OwnedFromUtc is { } from && segment.OwnedUntilUtc is { } until ? new OwnedSpan(from, until) : null;

        var events = segment.EventHint is { } hint
            ? [KnownEvent(segment, hint, windows, starts, windowSeconds, model, identity)]
            : DetectedEvents(segment, windows, starts, windowSeconds, owned, model, identity);
        var evidence = events.Select(e => Evidence(e.Decision, windows, starts, e.First, e.Last, card.WindowSamples, model)).ToList();

        var reported = Enumerable.Range(0, windows.Count).Where(i => owned is null || owned.Contains(starts[i])).ToList();
        var windowsMessage = new WindowsClassified
        {
            SegmentId = segment.SegmentId,
            ArrayCode = segment.ArrayCode,
            Model = identity,
            WindowLengthSeconds = windowSeconds,
            WindowStepSeconds = stepSamples / segment.SampleRateHz,
            Windows = reported.Select(i => ToContract(windows[i], starts[i])).ToList(),
            EventCount = events.Count,
            BackfillId = segment.BackfillId,
        };
        return new SegmentVerdict(windowsMessage, evidence, null);
    }

    private static EventEvidence Evidence(
        EventClassified decision, IReadOnlyList<ClassifiedWindow> windows, IReadOnlyList<DateTime> starts, int first, int last, int windowSamples, LoadedModel model)
    {
        var firstSample = windows[first].StartSample;
        var voters = Enumerable.Range(first, last - first + 1).Select(i => ToContract(windows[i], starts[i])).ToList();
        return new EventEvidence(decision, voters, firstSample, windows[last].StartSample + windowSamples - firstSample, model.Thresholds.Detector);
    }

    private static WindowClassification ToContract(ClassifiedWindow window, DateTime startUtc) => new()
    {
        WindowStartUtc = startUtc,
        DetectorProbability = window.Probabilities.Detector,
        ClassifierProbability = window.Probabilities.Classifier,
        Label = ToContract(window.Label),
    };

    /// <summary>The original's way: every window of the segment votes on the one event it was cut around.</summary>
    private (EventClassified Decision, int First, int Last) KnownEvent(
        BeamsFormed segment, EventHint hint, IReadOnlyList<ClassifiedWindow> windows, IReadOnlyList<DateTime> starts,
        double windowSeconds, LoadedModel model, ModelIdentity identity)
    {
        var decision = EventVote.Decide(windows.Select(w => w.Probabilities).ToList(), model.Thresholds);
        var firstP = hint.Picks.Where(p => p.PhaseHint.StartsWith('P')).OrderBy(p => p.TimeUtc).FirstOrDefault();
        return (Decision(segment, decision, windows.Count, starts[0], starts[^1].AddSeconds(windowSeconds), identity) with
        {
            EventId = hint.EventId,
            OnsetUtc = firstP?.TimeUtc,
            ApparentVelocityKmPerS = firstP?.HorizontalSlownessSPerDeg is > 0 and var slowness ? GreatCircle.KmPerDegree / slowness : segment.FkApparentVelocityKmPerS,
            BackAzimuthMethod = segment.BackAzimuthSource switch
            {
                BackAzimuthSource.Picks => "picks",
                BackAzimuthSource.Origin => "origin",
                _ => "fk-segment",
            },
            DistanceKm = hint is { LatitudeDeg: { } lat, LongitudeDeg: { } lon } ? GreatCircle.DistanceKm(arrayReference, new GeoPoint(lat, lon)) : null,
            Magnitude = hint.Magnitude,
            CatalogEventType = hint.EventType,
        }, 0, windows.Count - 1);
    }

    private List<(EventClassified Decision, int First, int Last)> DetectedEvents(
        BeamsFormed segment, IReadOnlyList<ClassifiedWindow> windows, IReadOnlyList<DateTime> starts, double windowSeconds,
        OwnedSpan? owned, LoadedModel model, ModelIdentity identity)
    {
        var arrivals = segment.Arrivals
            .Select(a => new Arrival(a.OnsetUtc, a.BackAzimuthDeg, a.ApparentVelocityKmPerS, a.RelativePower, a.StaLtaRatio))
            .ToList();
        var detected = detector.Detect(starts, TimeSpan.FromSeconds(windowSeconds), windows.Select(w => w.Probabilities).ToList(), model.Thresholds, owned, arrivals, segment.BackAzimuthDeg);
        return detected.Select(found =>
        {
            var onsetUtc = found.Onset.OnsetUtc;
            return (Decision(segment, found.Decision, found.VoterCount, starts[found.Run.First], starts[found.Run.Last].AddSeconds(windowSeconds), identity) with
            {
                // From the onset, to the second: the same event seen again (a redelivery, a repeated backfill) gets the same id.
                EventId = string.Create(CultureInfo.InvariantCulture, $"{segment.ArrayCode}_{onsetUtc:yyyyMMdd'T'HHmmss'Z'}"),
                OnsetUtc = onsetUtc,
                BackAzimuthDeg = found.Onset.BackAzimuthDeg,
                BackAzimuthMethod = found.Onset.Method == OnsetMethod.Arrival ? "fk-onset" : "fk-segment",
                ApparentVelocityKmPerS = found.Onset.Method == OnsetMethod.Arrival
                    ? segment.Arrivals.FirstOrDefault(a => a.OnsetUtc == onsetUtc)?.ApparentVelocityKmPerS ?? segment.FkApparentVelocityKmPerS
                    : segment.FkApparentVelocityKmPerS,
            }, found.Run.First, found.Run.Last);
        }).ToList();
    }

    private static EventClassified Decision(
        BeamsFormed segment, EventDecision decision, int voters, DateTime startUtc, DateTime endUtc, ModelIdentity identity) => new()
    {
        EventId = "",
        SegmentId = segment.SegmentId,
        ArrayCode = segment.ArrayCode,
        StartUtc = startUtc,
        EndUtc = endUtc,
        Label = ToContract(decision.Label),
        MeanDetectorProbability = decision.MeanDetectorProbability,
        MeanClassifierProbability = decision.MeanClassifierProbability,
        Votes = decision.Votes.Where(vote => vote.Value > 0).ToDictionary(vote => ToContract(vote.Key).ToString(), vote => vote.Value),
        Model = identity,
        BackAzimuthDeg = segment.BackAzimuthDeg,
        WindowCount = voters,
        BackfillId = segment.BackfillId,
    };

    private static PredictedLabel ToContract(EventLabel label) => label switch
    {
        EventLabel.Noise => PredictedLabel.Noise,
        EventLabel.Earthquake => PredictedLabel.Earthquake,
        _ => PredictedLabel.Explosion,
    };
}
