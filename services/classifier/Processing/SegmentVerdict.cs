using System.Globalization;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Classification;
using Seismic.Inference.Voting;

namespace Seismic.Classifier.Processing;

/// <summary>
/// Turns one segment's beams into the two messages the reporter reads: every window's verdict, and one
/// decision per event. Either the segment can be classified, or <see cref="Problem"/> says why not.
/// </summary>
public sealed record SegmentVerdict(WindowsClassified? Windows, IReadOnlyList<EventClassified> Events, string? Problem)
{
    public static SegmentVerdict Of(BeamsFormed segment, IReadOnlyList<float[]> beams, LoadedModel model, int stepSamples, int batchSize,
        double arrayLatitudeDeg, double arrayLongitudeDeg)
    {
        var card = model.Card;
        if (Math.Abs(segment.SampleRateHz - card.SampleRateHz) > 1e-9)
            return Refused($"beams are at {segment.SampleRateHz:G} Hz, model {card.Id} takes {card.SampleRateHz:G} Hz");
        if (beams.Count != model.Network.Channels)
            return Refused($"{beams.Count} beams arrived, model {card.Id} takes {model.Network.Channels}");
        if (segment.SampleCount < card.WindowSamples)
            return Refused($"the segment has {segment.SampleCount} samples ({segment.SampleCount / segment.SampleRateHz:F1} s), shorter than one window of model {card.Id} ({card.WindowSamples} samples)");

        var windows = BeamClassifier.Classify(model, beams, stepSamples, batchSize);
        var identity = new ModelIdentity { Name = card.Name, Version = card.Version, Sha256 = card.OnnxSha256 };
        var windowSeconds = card.WindowSamples / card.SampleRateHz;
        DateTime StartOf(ClassifiedWindow window) => segment.StartUtc.AddSeconds(window.StartSample / segment.SampleRateHz);

        var windowsMessage = new WindowsClassified
        {
            SegmentId = segment.SegmentId,
            ArrayCode = segment.ArrayCode,
            Model = identity,
            WindowLengthSeconds = windowSeconds,
            WindowStepSeconds = stepSamples / segment.SampleRateHz,
            Windows = windows.Select(window => new WindowClassification
            {
                WindowStartUtc = StartOf(window),
                DetectorProbability = window.Probabilities.Detector,
                ClassifierProbability = window.Probabilities.Classifier,
                Label = ToContract(window.Label),
            }).ToList(),
            BackfillId = segment.BackfillId,
        };

        var hint = segment.EventHint;
        var distanceKm = hint is { LatitudeDeg: { } lat, LongitudeDeg: { } lon } ? Geography.DistanceKm(arrayLatitudeDeg, arrayLongitudeDeg, lat, lon) : (double?)null;
        var events = EventGrouping.Runs(windows, knownEvent: hint is not null).Select(run =>
        {
            var voters = windows.Skip(run.First).Take(run.Count).ToList();
            var decision = EventVote.Decide(voters.Select(window => window.Probabilities).ToList(), model.Thresholds);
            var start = StartOf(voters[0]);
            return new EventClassified
            {
                EventId = hint?.EventId ?? string.Create(CultureInfo.InvariantCulture, $"{segment.ArrayCode}_{start:yyyyMMdd'T'HHmmss'Z'}"),
                SegmentId = segment.SegmentId,
                ArrayCode = segment.ArrayCode,
                StartUtc = start,
                EndUtc = StartOf(voters[^1]).AddSeconds(windowSeconds),
                Label = ToContract(decision.Label),
                MeanDetectorProbability = decision.MeanDetectorProbability,
                MeanClassifierProbability = decision.MeanClassifierProbability,
                Votes = decision.Votes.Where(vote => vote.Value > 0).ToDictionary(vote => ToContract(vote.Key).ToString(), vote => vote.Value),
                Model = identity,
                BackAzimuthDeg = segment.BackAzimuthDeg,
                DistanceKm = distanceKm,
                Magnitude = hint?.Magnitude,
                CatalogEventType = hint?.EventType,
                BackfillId = segment.BackfillId,
            };
        }).ToList();

        return new SegmentVerdict(windowsMessage, events, null);
    }

    private static SegmentVerdict Refused(string problem) => new(null, [], problem);

    private static PredictedLabel ToContract(EventLabel label) => label switch
    {
        EventLabel.Noise => PredictedLabel.Noise,
        EventLabel.Earthquake => PredictedLabel.Earthquake,
        _ => PredictedLabel.Explosion,
    };
}
