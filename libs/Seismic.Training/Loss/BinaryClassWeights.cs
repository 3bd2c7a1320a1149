namespace Seismic.Training.Loss;

/// <summary>Loss weight of each label of one head (sklearn's compute_class_weight('balanced') in the seed).</summary>
/// <param name="Label0">Weight of label 0: noise for the detector, earthquake for the classifier.</param>
/// <param name="Label1">Weight of label 1: event for the detector, explosion for the classifier.</param>
public sealed record BinaryClassWeights(double Label0, double Label1)
{
    public static BinaryClassWeights Equal { get; } = new(1, 1);
}
