using Seismic.Contracts.Classification;

namespace Seismic.Integration.Tests;

/// <summary>An explosion decision the reporter writes as one row of events.csv, under an id of the test's choosing.</summary>
internal static class SampleDecision
{
    public static EventClassified Explosion(string eventId) => new()
    {
        EventId = eventId,
        SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
        ArrayCode = "ARCES",
        StartUtc = new DateTime(2023, 10, 30, 12, 0, 30, DateTimeKind.Utc),
        EndUtc = new DateTime(2023, 10, 30, 12, 4, 30, DateTimeKind.Utc),
        Label = PredictedLabel.Explosion,
        MeanDetectorProbability = 0.97,
        MeanClassifierProbability = 0.81,
        Votes = new Dictionary<string, int> { ["Explosion"] = 12 },
        Model = new ModelIdentity { Name = "compact", Version = 1, Sha256 = new string('a', 64) },
        BackAzimuthDeg = 160.5,
    };
}
