namespace Seismic.Inference.Scaling;

/// <summary>
/// The centre and scale a scaler subtracts and divides by: one pair for the whole window, or one per
/// channel. For a global scaler these are fitted on the training set and stored with the model.
/// </summary>
public sealed record ScalingStatistics(IReadOnlyList<double> Centers, IReadOnlyList<double> Scales)
{
    public bool PerChannel => Centers.Count > 1;

    public static ScalingStatistics Single(double center, double scale) => new([center], [scale]);
}
