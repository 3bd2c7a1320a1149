using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;
using Seismic.Inference.Scaling;
using Seismic.Inference.Voting;

namespace Seismic.Inference.Models;

/// <summary>A registered model opened in ONNX Runtime, with the scaling and thresholds its card prescribes.</summary>
public sealed class LoadedModel : IDisposable
{
    private LoadedModel(RegisteredModel registered, ClassifierModel network, WindowScaler scaler, DecisionThresholds thresholds)
    {
        Registered = registered;
        Network = network;
        Scaler = scaler;
        Thresholds = thresholds;
    }

    public RegisteredModel Registered { get; }

    public ModelCard Card => Registered.Card;

    public ClassifierModel Network { get; }

    public WindowScaler Scaler { get; }

    public DecisionThresholds Thresholds { get; }

    /// <summary>
    /// True when segments go through <see cref="SlidingNetwork"/>: the file was cut for sliding inference and the
    /// card's scaling does not depend on the window, so the whole beams can be scaled once.
    /// </summary>
    public bool Slides => Network.Sliding is not null && !Scaler.DependsOnWindow;

    /// <summary>How segments are run, for the logs.</summary>
    public string InferencePath => Slides
        ? $"sliding inference (convolutions once per {Network.Sliding!.StrideSamples}-sample phase of a segment)"
        : Network.Sliding is null ? "window by window" : "window by window (its scaling depends on the window, so it cannot slide)";

    /// <summary>Opens the model's ONNX file and checks it against its card.</summary>
    /// <exception cref="ModelLoadException">The file does not match the card or the Seismic contract.</exception>
    public static LoadedModel Open(RegisteredModel registered)
    {
        var card = registered.Card;
        var scaler = card.Scaler.CreateScaler(card.Id);
        var network = ClassifierModel.Load(registered.OnnxPath, card.WindowSamples, card.Channels.Count);
        return new LoadedModel(registered, network, scaler, new DecisionThresholds(card.DetectorThreshold, card.ClassifierThreshold));
    }

    public void Dispose() => Network.Dispose();
}
