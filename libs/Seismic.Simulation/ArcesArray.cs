using Seismic.Metadata.Geometry;
using Seismic.Signal.Arrays;

namespace Seismic.Simulation;

/// <summary>
/// The simulated array: ARCES's 26 sites (offsets from NORSAR's array-tphasenet array_geometries.json, as in
/// ../shared/data/arces/arces-geometry.csv), three components each, 40 samples/s, network NO, blank location.
/// </summary>
public static class ArcesArray
{
    public const string NetworkCode = "NO";

    /// <summary>The array's name, used as the station code of the truth picks (as NORSAR's bulletins do).</summary>
    public const string ArrayCode = "ARCES";

    public const string LocationCode = "";

    public const double SampleRateHz = 40.0;

    /// <summary>
    /// Counts per m/s, flat in the band that matters (a broadband-like response; the response stages are not modelled).
    /// Of the order of a short-period seismometer with a 24-bit digitizer.
    /// </summary>
    public const double SensitivityCountsPerMPerS = 1.0e9;

    /// <summary>Frequency at which the sensitivity is stated.</summary>
    public const double SensitivityFrequencyHz = 1.0;

    /// <summary>ARCES sits on the Finnmark plateau at about 400 m.</summary>
    public const double ElevationM = 400.0;

    /// <summary>The reference point of the geometry's offsets (the array-tphasenet value, about ARA0).</summary>
    public static GeoPoint Reference { get; } = new(69.535, 25.506);

    /// <summary>Channel codes in the order the simulator stores components: vertical, north, east.</summary>
    public static IReadOnlyList<string> ChannelCodes { get; } = ["BHZ", "BHN", "BHE"];

    /// <summary>The 26 sites, km east and north of <see cref="Reference"/>.</summary>
    public static IReadOnlyList<ArraySite> Sites { get; } =
    [
        new("ARA0", -0.0010, 0.0010),
        new("ARA1", 0.0530, 0.1600),
        new("ARA2", 0.0770, -0.1210),
        new("ARA3", -0.1490, -0.0300),
        new("ARB1", 0.0820, 0.3360),
        new("ARB2", 0.2940, 0.0970),
        new("ARB3", 0.1890, -0.2690),
        new("ARB4", -0.2310, -0.2250),
        new("ARB5", -0.2830, 0.1580),
        new("ARC1", 0.0810, 0.6900),
        new("ARC2", 0.6650, 0.3850),
        new("ARC3", 0.6730, -0.2140),
        new("ARC4", 0.2280, -0.6170),
        new("ARC5", -0.2960, -0.5380),
        new("ARC6", -0.6830, -0.0810),
        new("ARC7", -0.4690, 0.5290),
        new("ARD1", 0.1350, 1.4910),
        new("ARD2", 0.9720, 1.1430),
        new("ARD3", 1.6510, 0.1880),
        new("ARD4", 1.1810, -0.8580),
        new("ARD5", 0.2330, -1.4940),
        new("ARD6", -0.6130, -1.3470),
        new("ARD7", -1.3600, -0.6070),
        new("ARD8", -1.4430, 0.3920),
        new("ARD9", -0.7780, 1.1730),
        new("ARE0", -0.0040, -0.0020),
    ];
}
