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
