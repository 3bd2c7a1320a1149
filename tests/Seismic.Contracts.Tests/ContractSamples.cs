using MassTransit;
using MassTransit.MessageData;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;
using Seismic.Contracts.Reports;
using Seismic.Contracts.Training;

namespace Seismic.Contracts.Tests;

/// <summary>One fully populated instance of every message contract: no property is left at its default.</summary>
internal static class ContractSamples
{
    private static readonly DateTime Start = new(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Backfill = Guid.Parse("6f1c1d1e-5b0a-4a55-9d7e-2d0f2c7b9a10");
    private static readonly Guid Training = Guid.Parse("0b3a8f2c-1e4d-4c6b-8a9f-7e6d5c4b3a21");

    /// <summary>Large enough (64 KiB) to be stored by claim check rather than inlined in the message.</summary>
    public static MessageData<byte[]> Payload { get; } =
        new InMemoryMessageDataRepository().PutBytes(new byte[64 * 1024]).GetAwaiter().GetResult();

    private static readonly PickHint Pick = new()
    {
        StationCode = "ARCES",
        PhaseHint = "Pn",
        TimeUtc = Start.AddSeconds(60),
        BackAzimuthDeg = 161.2,
        HorizontalSlownessSPerDeg = 13.9,
    };

    private static readonly EventHint Hint = new()
    {
        EventId = "smi:local/event/1",
        OriginTimeUtc = Start,
        LatitudeDeg = 67.85,
        LongitudeDeg = 20.21,
        DepthKm = 0.5,
        Magnitude = 2.1,
        EventType = "explosion",
        Picks = [Pick],
    };

    private static readonly ModelIdentity Model = new() { Name = "compact", Version = 3, Sha256 = new string('a', 64) };

    private static readonly BackfillInterval Request = new()
    {
        BackfillId = Backfill,
        ArrayCode = "ARCES",
        StartUtc = Start,
        EndUtc = Start.AddHours(1),
        EventHints = [Hint],
        SourceUri = "sds:///data/archive",
        InventoryUri = "/data/arces.xml",
        CatalogUri = "/data/catalog.xml",
        RequestedBy = "analyst",
        RequestedAtUtc = Start.AddDays(1),
    };

    public static IEnumerable<object> All() =>
    [
        new BackfillInterval
        {
            BackfillId = Backfill,
            ArrayCode = "ARCES",
            StartUtc = Start,
            EndUtc = Start.AddHours(1),
            EventHints = [Hint],
            SourceUri = "sds:///data/archive",
            InventoryUri = "/data/arces.xml",
            CatalogUri = "fdsnws://127.0.0.1:8080",
            RequestedBy = "analyst",
            RequestedAtUtc = Start.AddDays(1),
        },
        new ContinueBackfill
        {
            Request = Request,
            NextSegment = 7,
            SegmentsPublished = 5,
            SegmentsEmpty = 1,
            SegmentsFailed = 1,
            Problems = ["segment 3: the source did not answer"],
        },
        new WaveformSegmentIngested
        {
            SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
            ArrayCode = "ARCES",
            StartUtc = Start,
            EndUtc = Start.AddMinutes(5),
            OwnedFromUtc = Start.AddSeconds(5),
            OwnedUntilUtc = Start.AddSeconds(65),
            InventoryUri = "/data/arces.xml",
            BackfillId = Backfill,
            Channels = [new ChannelStatus { SourceId = "FDSN:NO_ARA0__B_H_Z", SampleRateHz = 40, SampleCount = 12000, GapSeconds = 1.5 }],
            MissingChannels = ["FDSN:NO_ARD9__B_H_E"],
            EventHint = Hint,
            DataCompleteUtc = Start.AddMinutes(5).AddSeconds(21),
            LeftOnDeadline = true,
            Waveforms = Payload,
        },
        new BackfillProgressed
        {
            BackfillId = Backfill,
            ArrayCode = "ARCES",
            SegmentsTotal = 12,
            SegmentsCompleted = 5,
            SegmentsFailed = 1,
            SegmentsEmpty = 2,
            ProcessedUntilUtc = Start.AddMinutes(30),
            ReportedAtUtc = Start.AddDays(1),
        },
        new BackfillCompleted
        {
            BackfillId = Backfill,
            ArrayCode = "ARCES",
            StartUtc = Start,
            EndUtc = Start.AddHours(1),
            SegmentsTotal = 12,
            SegmentsSucceeded = 11,
            SegmentsFailed = 1,
            SegmentsEmpty = 3,
            Problems = ["segment 3: the source did not answer"],
            CompletedAtUtc = Start.AddDays(1),
        },
        new BeamsFormed
        {
            SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
            ArrayCode = "ARCES",
            StartUtc = Start,
            SampleRateHz = 40,
            SampleCount = 12001,
            BeamNames = ["P-beam, vertical", "S-beam, transverse", "S-beam, radial"],
            BackAzimuthDeg = 161.2,
            BackAzimuthSource = BackAzimuthSource.FrequencyWavenumber,
            FkRelativePower = 0.82,
            FkApparentVelocityKmPerS = 7.9,
            PBeamVelocityKmPerS = 6.45,
            SBeamVelocityKmPerS = 3.70,
            SitesUsed = ["ARA0", "ARA1"],
            Warnings = ["ARD9: no data"],
            OwnedFromUtc = Start.AddSeconds(5),
            OwnedUntilUtc = Start.AddSeconds(65),
            Arrivals =
            [
                new ArrivalEstimate
                {
                    OnsetUtc = Start.AddSeconds(61.2),
                    BackAzimuthDeg = 119.5,
                    ApparentVelocityKmPerS = 8.1,
                    RelativePower = 0.71,
                    StaLtaRatio = 6.5,
                },
            ],
            BackfillId = Backfill,
            EventHint = Hint,
            Beams = Payload,
        },
        new WindowsClassified
        {
            SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
            ArrayCode = "ARCES",
            Model = Model,
            WindowLengthSeconds = 240,
            WindowStepSeconds = 5,
            Windows =
            [
                new WindowClassification
                {
                    WindowStartUtc = Start,
                    DetectorProbability = 0.98,
                    ClassifierProbability = 0.73,
                    Label = PredictedLabel.Explosion,
                },
            ],
            EventCount = 1,
            BackfillId = Backfill,
        },
        new EventClassified
        {
            EventId = "smi:local/event/1",
            SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
            ArrayCode = "ARCES",
            StartUtc = Start,
            EndUtc = Start.AddSeconds(295),
            Label = PredictedLabel.Earthquake,
            MeanDetectorProbability = 0.91,
            MeanClassifierProbability = 0.2,
            Votes = new Dictionary<string, int> { ["Earthquake"] = 11, ["Noise"] = 1 },
            Model = Model,
            BackAzimuthDeg = 161.2,
            BackAzimuthMethod = "picks",
            ApparentVelocityKmPerS = 8.1,
            OnsetUtc = Start.AddSeconds(60),
            WindowCount = 12,
            DistanceKm = 385.0,
            Magnitude = 2.1,
            CatalogEventType = "earthquake",
            BackfillId = Backfill,
        },
        new EventEvidenceGathered
        {
            EventId = "ARCES_20231030T120100Z",
            SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
            ArrayCode = "ARCES",
            Model = Model,
            Label = PredictedLabel.Explosion,
            MeanDetectorProbability = 0.91,
            MeanClassifierProbability = 0.8,
            DetectorThreshold = 0.5,
            OnsetUtc = Start.AddSeconds(60),
            WindowLengthSeconds = 240,
            Windows =
            [
                new WindowClassification
                {
                    WindowStartUtc = Start,
                    DetectorProbability = 0.98,
                    ClassifierProbability = 0.73,
                    Label = PredictedLabel.Explosion,
                },
            ],
            BeamsStartUtc = Start,
            SampleRateHz = 40,
            SampleCount = 9601,
            BeamNames = ["P-beam, vertical", "S-beam, transverse", "S-beam, radial"],
            Beams = Payload,
            BackfillId = Backfill,
        },
        new EventPictureWritten
        {
            EventId = "ARCES_20231030T120100Z",
            SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
            Path = "/data/reports/events/2023-10-30/ARCES_20231030T120100Z_explosion.gif",
            Problem = "the beams do not cover the windows",
            BackfillId = Backfill,
            WrittenAtUtc = Start,
        },
        new ReportRowsWritten
        {
            SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
            EventId = "smi:local/event/1",
            RowsAdded = 1,
            ReportsDirectory = "/data/reports",
            BackfillId = Backfill,
            WrittenAtUtc = Start,
        },
        new TrainModel
        {
            TrainingId = Training,
            DatasetPath = "data/datasets/arces-sim",
            Architecture = "compact",
            ModelName = "compact",
            ConfigOverrides = new Dictionary<string, string> { ["optimizer.max_lr"] = "1e-3" },
            RequestedBy = "analyst",
            RequestedAtUtc = Start,
        },
        new TrainingProgressed
        {
            TrainingId = Training,
            Epoch = 3,
            MaxEpochs = 100,
            TrainTotalLoss = 0.52,
            ValTotalLoss = 0.61,
            LearningRate = 9.9e-5,
            Metrics = new Dictionary<string, double> { ["val_detector_f1"] = 0.9 },
            EstimatedSecondsRemaining = 3600,
            ReportedAtUtc = Start,
        },
        new ModelPublished
        {
            ModelName = "compact",
            Version = 4,
            Architecture = "compact",
            OnnxLocation = "models/compact/v4/model.onnx",
            Sha256 = new string('b', 64),
            WindowSamples = 9601,
            SampleRateHz = 40,
            Metrics = new Dictionary<string, double> { ["test_detector_accuracy"] = 0.97 },
            TrainingId = Training,
            CreatedAtUtc = Start,
        },
        new StageFailed
        {
            Stage = PipelineStage.Beamformer,
            SubjectId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
            MessageType = "WaveformSegmentIngested",
            Reason = "no Z channel left after hygiene",
            BackfillId = Backfill,
            TrainingId = Training,
            FailedAtUtc = Start,
        },
    ];
}
