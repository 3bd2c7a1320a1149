using System.Text.Json.Serialization;
using Seismic.Configuration;
using Seismic.Inference.Onnx;
using Seismic.Inference.Scaling;

namespace Seismic.Inference.Registry;

/// <summary>
/// model.json, the sidecar of every registered model: what a person or the classifier needs to know to use
/// the ONNX file correctly (window, rate, scaling, thresholds, labels) and to trust it (metrics, data, hash).
/// </summary>
public sealed record ModelCard
{
    public required string Name { get; init; }

    public required int Version { get; init; }

    /// <summary>"alexnet", "cnn_dense", "compact", or "imported" for a model converted from elsewhere.</summary>
    public required string Architecture { get; init; }

    public required DateTime CreatedUtc { get; init; }

    /// <summary>Samples per input window (length_s × rate + 1; 9601 for the seed's 240 s at 40 Hz).</summary>
    public required int WindowSamples { get; init; }

    public required double SampleRateHz { get; init; }

    /// <summary>Channel names in input order, e.g. "P-beam, vertical".</summary>
    public required IReadOnlyList<string> Channels { get; init; }

    public required ScalerCard Scaler { get; init; }

    public required double DetectorThreshold { get; init; }

    public required double ClassifierThreshold { get; init; }

    /// <summary>Label maps of the two heads, e.g. detector {0: "noise", 1: "event"}.</summary>
    public required IReadOnlyDictionary<string, string> DetectorLabels { get; init; }

    public required IReadOnlyDictionary<string, string> ClassifierLabels { get; init; }

    /// <summary>The detector labels of every Seismic model, and of the seed's (0 noise, 1 event).</summary>
    public static IReadOnlyDictionary<string, string> NoiseEventLabels { get; } = new Dictionary<string, string> { ["0"] = "noise", ["1"] = "event" };

    /// <summary>The classifier labels of every Seismic model, and of the seed's (0 earthquake, 1 explosion).</summary>
    public static IReadOnlyDictionary<string, string> EarthquakeExplosionLabels { get; } = new Dictionary<string, string> { ["0"] = "earthquake", ["1"] = "explosion" };

    /// <summary>Figures on the validation and test splits by name, e.g. "test_detector_accuracy".</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The dataset it was trained on, and a hash of its contents, so a result can be traced to its data.</summary>
    public string? DatasetId { get; init; }

    public string? DatasetSha256 { get; init; }

    /// <summary>The settings the training ran with (the settings file after overrides), as flat dotted keys.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>SHA-256 of model.onnx, lower-case hex; checked before the model is used.</summary>
    public required string OnnxSha256 { get; init; }

    [JsonIgnore]
    public string Id => $"{Name} v{Version}";
}

/// <summary>How the windows were scaled in training, so inference scales them the same way.</summary>
public sealed record ScalerCard
{
    /// <summary>"minmax", "standard", "robust" or "log".</summary>
    public required string Type { get; init; }

    public required bool PerChannel { get; init; }

    /// <summary>"local" or "global".</summary>
    public required string Scope { get; init; }

    /// <summary>Fitted statistics of a global scaler (one per channel or one in all); empty for local ones.</summary>
    public IReadOnlyList<double> Centers { get; init; } = [];

    public IReadOnlyList<double> Scales { get; init; } = [];

    /// <summary>The card of a scaler configured as <paramref name="scaling"/>, with the statistics a global one was fitted to.</summary>
    public static ScalerCard From(ScalingSettings scaling, ScalingStatistics? globalStatistics = null) => new()
    {
        Type = scaling.Type switch
        {
            ScalerType.MinMax => "minmax",
            ScalerType.Standard => "standard",
            ScalerType.Robust => "robust",
            _ => "log",
        },
        PerChannel = scaling.PerChannel,
        Scope = scaling.Scope == ScalingScope.Global ? "global" : "local",
        Centers = globalStatistics?.Centers ?? [],
        Scales = globalStatistics?.Scales ?? [],
    };

    /// <summary>The scaler this card describes, ready to scale windows exactly as in training.</summary>
    /// <exception cref="ModelLoadException">The card names an unknown scaler or statistics that do not fit it.</exception>
    public WindowScaler CreateScaler(string modelId)
    {
        var scaling = new ScalingSettings
        {
            Type = Type switch
            {
                "minmax" => ScalerType.MinMax,
                "standard" => ScalerType.Standard,
                "robust" => ScalerType.Robust,
                "log" => ScalerType.Log,
                _ => throw new ModelLoadException($"{modelId}: unknown scaler type '{Type}' in its model card"),
            },
            PerChannel = PerChannel,
            Scope = Scope == "global" ? ScalingScope.Global : ScalingScope.Local,
        };
        var statistics = Centers.Count > 0 ? new ScalingStatistics(Centers, Scales) : null;
        try
        {
            return new WindowScaler(scaling, statistics);
        }
        catch (ArgumentException mismatch)
        {
            throw new ModelLoadException($"{modelId}: its scaler cannot be used: {mismatch.Message}", mismatch);
        }
    }
}
