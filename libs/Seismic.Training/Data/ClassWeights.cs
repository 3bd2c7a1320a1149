using Seismic.Training.Loss;

namespace Seismic.Training.Data;

/// <summary>
/// Balanced class weights, n / (2 · n_c) as sklearn's compute_class_weight('balanced'), over the samples the
/// model sees in an epoch (after oversampling, as in the seed). The classifier's are computed over events
/// only: the seed counted noise as explosions there.
/// </summary>
public static class ClassWeights
{
    public static (BinaryClassWeights Detector, BinaryClassWeights Classifier) Balanced(IEnumerable<SampleLabel> epochSamples)
    {
        int noise = 0, earthquakes = 0, explosions = 0;
        foreach (var label in epochSamples)
        {
            switch (label)
            {
                case SampleLabel.Noise: noise++; break;
                case SampleLabel.Earthquake: earthquakes++; break;
                default: explosions++; break;
            }
        }
        var events = earthquakes + explosions;
        return (
            Balance(noise, events, "noise", "event"),
            Balance(earthquakes, explosions, "earthquake", "explosion"));
    }

    private static BinaryClassWeights Balance(int count0, int count1, string name0, string name1)
    {
        if (count0 == 0 || count1 == 0)
            throw new InvalidDataException(
                $"the training split has {count0} {name0} and {count1} {name1} samples; both heads need examples of both classes");
        var total = (double)(count0 + count1);
        return new BinaryClassWeights(total / (2.0 * count0), total / (2.0 * count1));
    }
}
