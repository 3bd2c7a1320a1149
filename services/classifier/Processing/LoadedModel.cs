using Seismic.Configuration;
using Seismic.Inference.Onnx;
using Seismic.Inference.Registry;
using Seismic.Inference.Scaling;
using Seismic.Inference.Voting;

namespace Seismic.Classifier.Processing;

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
        var scaling = new ScalingSettings
        {
            Type = card.Scaler.Type switch
            {
                "minmax" => ScalerType.MinMax,
                "standard" => ScalerType.Standard,
                "robust" => ScalerType.Robust,
                "log" => ScalerType.Log,
                _ => throw new ModelLoadException($"{card.Id}: unknown scaler type '{card.Scaler.Type}' in its model card"),
            },
            PerChannel = card.Scaler.PerChannel,
            Scope = card.Scaler.Scope == "global" ? ScalingScope.Global : ScalingScope.Local,
        };
        var statistics = card.Scaler.Centers.Count > 0 ? new ScalingStatistics(card.Scaler.Centers, card.Scaler.Scales) : null;
        WindowScaler scaler;
        try
        {
            scaler = new WindowScaler(scaling, statistics);
        }
        catch (ArgumentException mismatch)
        {
            throw new ModelLoadException($"{card.Id}: its scaler cannot be used: {mismatch.Message}", mismatch);
        }

        var network = ClassifierModel.Load(registered.OnnxPath, card.WindowSamples, card.Channels.Count);
        return new LoadedModel(registered, network, scaler, new DecisionThresholds(card.DetectorThreshold, card.ClassifierThreshold));
    }

    public void Dispose() => Network.Dispose();
}
