using System.Text.Json.Serialization;

namespace Seismic.Contracts.Classification;

/// <summary>The three-way decision of the two heads: noise (detector says no event), else the classifier's class.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PredictedLabel>))]
public enum PredictedLabel
{
    Noise,
    Earthquake,
    Explosion,
}
