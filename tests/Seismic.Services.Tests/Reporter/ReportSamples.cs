using Seismic.Contracts.Classification;

namespace Seismic.Services.Tests.Reporter;

internal static class ReportSamples
{
    public static readonly ModelIdentity Model = new() { Name = "compact", Version = 3, Sha256 = new string('a', 64) };

    public static EventClassified Event(string eventId = "smi:local/event/1", PredictedLabel label = PredictedLabel.Explosion) => new()
    {
        EventId = eventId,
        SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
        ArrayCode = "ARCES",
        StartUtc = new DateTime(2023, 10, 30, 12, 0, 30, DateTimeKind.Utc),
        EndUtc = new DateTime(2023, 10, 30, 12, 4, 30, DateTimeKind.Utc),
        Label = label,
        MeanDetectorProbability = 0.97,
        MeanClassifierProbability = 0.81,
        Votes = new Dictionary<string, int> { ["Explosion"] = 10, ["Noise"] = 2 },
        Model = Model,
        BackAzimuthDeg = 160.5,
        BackAzimuthMethod = "picks",
        OnsetUtc = new DateTime(2023, 10, 30, 12, 1, 30, DateTimeKind.Utc),
        WindowCount = 12,
        DistanceKm = 380.2,
        Magnitude = 2.1,
        CatalogEventType = "explosion",
    };

    public static WindowsClassified Windows(int count) => new()
    {
        SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
        ArrayCode = "ARCES",
        Model = Model,
        WindowLengthSeconds = 240,
        WindowStepSeconds = 5,
        Windows = Enumerable.Range(0, count).Select(i => new WindowClassification
        {
            WindowStartUtc = new DateTime(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc).AddSeconds(5 * i),
            DetectorProbability = 0.1 * i,
            ClassifierProbability = 0.5,
            Label = i < 5 ? PredictedLabel.Noise : PredictedLabel.Explosion,
        }).ToList(),
    };
}
