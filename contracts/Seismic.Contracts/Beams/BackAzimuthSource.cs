using System.Text.Json.Serialization;

namespace Seismic.Contracts.Beams;

/// <summary>Where the back-azimuth used to steer the beams came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BackAzimuthSource>))]
public enum BackAzimuthSource
{
    /// <summary>Circular mean of the array's pick back-azimuths.</summary>
    Picks,

    /// <summary>Great-circle azimuth from the array to a catalog origin.</summary>
    Origin,

    /// <summary>Estimated by f-k analysis of the segment itself (no event known).</summary>
    FrequencyWavenumber,
}
