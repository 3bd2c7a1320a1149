using Seismic.Datasets.SeisBench;
using Seismic.Inference.Registry;
using Seismic.Inference.Voting;

namespace Seismic.Evaluation.Scoring;

/// <summary>What a dataset label counts as when a model is judged.</summary>
public static class TrueClass
{
    /// <summary>The card's setting that says how the model was trained on induced events.</summary>
    public const string IncludeInducedSetting = "data.include_induced";

    /// <summary>
    /// Induced events count as earthquakes, as the model was trained (the seed's include_induced); when
    /// <paramref name="inducedAsEarthquake"/> is false they are left out (null), as training left them out.
    /// </summary>
    /// <exception cref="EvaluationException">A label the dataset format does not have.</exception>
    public static EventLabel? Of(string datasetLabel, bool inducedAsEarthquake) => datasetLabel switch
    {
        DatasetLabels.Noise => EventLabel.Noise,
        DatasetLabels.Earthquake => EventLabel.Earthquake,
        DatasetLabels.Explosion => EventLabel.Explosion,
        DatasetLabels.Induced => inducedAsEarthquake ? EventLabel.Earthquake : null,
        _ => throw new EvaluationException(
            $"Unknown label '{datasetLabel}' in the dataset; expected one of {string.Join(", ", DatasetLabels.All)}."),
    };

    /// <summary>True unless the card says the model was trained without induced events.</summary>
    public static bool InducedAsEarthquake(ModelCard card) =>
        !card.Settings.TryGetValue(IncludeInducedSetting, out var value) || !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>"noise", "earthquake" or "explosion", as the seed's CSV and plots wrote labels.</summary>
    public static string Name(EventLabel label) => label switch
    {
        EventLabel.Noise => "noise",
        EventLabel.Earthquake => "earthquake",
        _ => "explosion",
    };
}
