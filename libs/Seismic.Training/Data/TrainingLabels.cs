using Seismic.Inference.Voting;

namespace Seismic.Training.Data;

/// <summary>
/// A training sample's label as the dataset names it. Induced events count as earthquakes when the settings
/// say so (data.include_induced), as in the seed.
/// </summary>
public enum SampleLabel
{
    Noise,
    Earthquake,
    Explosion,
}

/// <summary>The two heads' targets: detector 0 = noise, 1 = event; classifier 0 = earthquake, 1 = explosion (ignored for noise).</summary>
public static class HeadTargets
{
    public static float Detector(SampleLabel label) => label == SampleLabel.Noise ? 0f : 1f;

    /// <summary>
    /// 0 for noise as well, but the classifier loss masks noise out. (The seed gave noise the explosion label
    /// and then counted it in the classifier's class weights.)
    /// </summary>
    public static float Classifier(SampleLabel label) => label == SampleLabel.Explosion ? 1f : 0f;
}

public static class SampleLabelExtensions
{
    /// <summary>The classifier's label of the same name, so training and evaluation share one confusion matrix.</summary>
    public static EventLabel ToEventLabel(this SampleLabel label) => label switch
    {
        SampleLabel.Noise => EventLabel.Noise,
        SampleLabel.Earthquake => EventLabel.Earthquake,
        _ => EventLabel.Explosion,
    };
}
