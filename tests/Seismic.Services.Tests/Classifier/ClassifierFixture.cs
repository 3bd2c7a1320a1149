using MassTransit;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Ingest;
using Seismic.Inference.Registry;
using Seismic.TestSupport;

namespace Seismic.Services.Tests.Classifier;

/// <summary>
/// A registry holding the tiny test model (detector logit = mean of the P beam, classifier logit =
/// 2 × mean of the transverse S beam − 1) with a short window, and beams whose answer is known.
/// </summary>
internal sealed class ClassifierFixture : IDisposable
{
    public const int WindowSamples = 41;   // 1 s at 40 Hz + 1
    public const double RateHz = 40;

    public ClassifierFixture()
    {
        Folder = Directory.CreateTempSubdirectory("seismic-classifier-").FullName;
        Registry = new ModelRegistry(Path.Combine(Folder, "models"));
    }

    public string Folder { get; }

    public ModelRegistry Registry { get; }

    /// <param name="name">The model's name.</param>
    /// <param name="scaler">The card's scaler type.</param>
    /// <param name="onnxWindowSamples">Window the ONNX graph takes; another than the card's makes a model whose file does not match its card.</param>
    /// <param name="cardWindowSamples">Window the card declares (default <see cref="WindowSamples"/>, the configured one).</param>
    public RegisteredModel Register(string name = "tiny", string scaler = "log", int onnxWindowSamples = WindowSamples, int cardWindowSamples = WindowSamples)
    {
        var onnx = TinyModels.Write(Folder, $"{name}-{Guid.NewGuid():N}", samples: (long)onnxWindowSamples);
        var card = new ModelCard
        {
            Name = name,
            Version = 0,
            Architecture = "imported",
            CreatedUtc = new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc),
            WindowSamples = cardWindowSamples,
            SampleRateHz = RateHz,
            Channels = ["P-beam, vertical", "S-beam, transverse", "S-beam, radial"],
            // A signed log keeps the signs of the means, which the tiny model's verdict depends on.
            Scaler = new ScalerCard { Type = scaler, PerChannel = false, Scope = "local" },
            DetectorThreshold = 0.5,
            ClassifierThreshold = 0.5,
            DetectorLabels = ModelCard.NoiseEventLabels,
            ClassifierLabels = ModelCard.EarthquakeExplosionLabels,
            OnnxSha256 = "",
        };
        return Registry.Register(card, onnx);
    }

    /// <summary>
    /// Beams of <paramref name="seconds"/> s: the P beam is +2 (event) from <paramref name="eventFromS"/> to
    /// <paramref name="eventToS"/> and −2 elsewhere; the transverse beam is +3 (explosion) throughout.
    /// </summary>
    public static float[][] Beams(double seconds, double eventFromS, double eventToS)
    {
        var samples = (int)(seconds * RateHz) + 1;
        var p = new float[samples];
        for (var i = 0; i < samples; i++)
            p[i] = i / RateHz >= eventFromS && i / RateHz < eventToS ? 2 : -2;
        return [p, Enumerable.Repeat(3f, samples).ToArray(), new float[samples]];
    }

    public static BeamsFormed Segment(float[][] beams, MessageData<byte[]> payload, EventHint? hint = null) => new()
    {
        SegmentId = "ARCES_20231030T120000.000Z_20231030T120500.000Z",
        ArrayCode = "ARCES",
        StartUtc = new DateTime(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc),
        SampleRateHz = RateHz,
        SampleCount = beams[0].Length,
        BeamNames = ["P-beam, vertical", "S-beam, transverse", "S-beam, radial"],
        BackAzimuthDeg = 160,
        BackAzimuthSource = BackAzimuthSource.Picks,
        PBeamVelocityKmPerS = 6.45,
        SBeamVelocityKmPerS = 3.70,
        SitesUsed = ["ARA0"],
        EventHint = hint,
        Beams = payload,
    };

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
