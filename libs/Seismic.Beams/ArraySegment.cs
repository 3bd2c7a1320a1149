using Seismic.Signal.Arrays;
using Seismic.Signal.Hygiene;

namespace Seismic.Beams;

/// <summary>One recorded component at one site of the array, with its sensor orientation from StationXML.</summary>
/// <param name="Site">Station code, e.g. "ARA1"; must match a site of the geometry.</param>
/// <param name="Trace">The samples as recorded (NaN where missing), at the channel's own rate.</param>
/// <param name="AzimuthDeg">Azimuth of the sensitive axis, degrees clockwise from north (StationXML Azimuth).</param>
/// <param name="DipDeg">Dip of the sensitive axis, degrees down from horizontal (StationXML Dip: -90 is vertical pointing up).</param>
public sealed record SensorChannel(string Site, SignalTrace Trace, double AzimuthDeg, double DipDeg);

/// <summary>What is known of the event a segment was cut around, reduced to what steers the beams.</summary>
/// <param name="PickBackAzimuthsDeg">Back-azimuths of the array's picks; a pick without one is null and is ignored.</param>
/// <param name="OriginLatitudeDeg">Catalog origin latitude, degrees north, if any.</param>
/// <param name="OriginLongitudeDeg">Catalog origin longitude, degrees east, if any.</param>
public sealed record BackAzimuthHint(IReadOnlyList<double?> PickBackAzimuthsDeg, double? OriginLatitudeDeg, double? OriginLongitudeDeg);

/// <summary>
/// A segment of array data ready for <see cref="BeamPipeline"/>. The traces are expected to reach
/// window.edge_s before <see cref="StartUtc"/> and after <see cref="EndUtc"/>: the taper eats that edge,
/// and the beams cover [StartUtc, EndUtc] only.
/// </summary>
public sealed record ArraySegment
{
    /// <summary>Time of the first beam sample, at the array reference point.</summary>
    public required DateTime StartUtc { get; init; }

    /// <summary>Time of the last beam sample (inclusive, as ObsPy's trim: 300 s at 40 Hz is 12,001 samples).</summary>
    public required DateTime EndUtc { get; init; }

    /// <summary>The array's sites as km offsets from its reference point.</summary>
    public required IReadOnlyList<ArraySite> Sites { get; init; }

    public required IReadOnlyList<SensorChannel> Channels { get; init; }

    /// <summary>The known event, if the segment was cut around one; null in continuous monitoring.</summary>
    public BackAzimuthHint? Hint { get; init; }

    /// <summary>Problems found before processing (channels that never arrived, orientation guessed), carried into the warnings.</summary>
    public IReadOnlyList<string> KnownProblems { get; init; } = [];
}
