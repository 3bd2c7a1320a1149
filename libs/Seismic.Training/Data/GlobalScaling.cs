using Seismic.Configuration;
using Seismic.Inference.Scaling;

namespace Seismic.Training.Data;

/// <summary>
/// Statistics of a global scaler, fitted once on the whole training set (all windows together, per channel
/// or over all channels) and stored with the model so inference scales the same way.
/// </summary>
public static class GlobalScaling
{
    public static ScalingStatistics Fit(ScalingSettings scaling, TrainingSet train)
    {
        if (scaling.Type == ScalerType.Log)
            return new ScalingStatistics([], []);
        if (!scaling.PerChannel)
        {
            var (center, scale) = WindowStatistics.Of(scaling.Type, train.Windows, 0, 1);
            return ScalingStatistics.Single(center, scale);
        }
        var fitted = Enumerable.Range(0, train.Channels).Select(c => WindowStatistics.Of(scaling.Type, train.Windows, c, train.Channels)).ToList();
        return new ScalingStatistics(fitted.Select(f => f.Center).ToList(), fitted.Select(f => f.Scale).ToList());
    }
}
