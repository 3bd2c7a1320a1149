using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;

namespace Seismic.Simulation.Sources;

/// <summary>
/// A place ARCES's events come from, placed by its distance and back-azimuth from the array (as
/// ../shared/data/arces/regional-sources.md gives them), with its 2022 bulletin count and magnitude range.
/// </summary>
public sealed record SourceRegion
{
    public required string Name { get; init; }

    public required EventKind Kind { get; init; }

    /// <summary>Epicentral distance of the region's centre from the array reference.</summary>
    public required double DistanceKm { get; init; }

    /// <summary>Direction from the array to the region's centre, degrees clockwise from north.</summary>
    public required double BackAzimuthDeg { get; init; }

    /// <summary>Epicentres are scattered uniformly over a disc of this radius around the centre.</summary>
    public required double ScatterRadiusKm { get; init; }

    /// <summary>Events in the 2022 bulletins within 2000 km (regional-sources.md), before any scaling.</summary>
    public required int EventsIn2022 { get; init; }

    public required double MagnitudeMin { get; init; }

    public required double MagnitudeMedian { get; init; }

    public required double MagnitudeMax { get; init; }

    public required double DepthMinKm { get; init; }

    public required double DepthMaxKm { get; init; }

    /// <summary>
    /// The path to ARCES crosses oceanic crust (the ridges, the Norwegian Sea), which does not carry Lg:
    /// such events show Pn and Sn and hardly any Lg (Kennett 1986; Baumgardt 1990 for the Barents Sea).
    /// </summary>
    public bool OceanicPath { get; init; }

    /// <summary>Standard time offset of the region from UTC, for the working hours of mines (daylight saving ignored).</summary>
    public double LocalUtcOffsetHours { get; init; }

    public GeoPoint Centre => GreatCircle.Destination(ArcesArray.Reference, BackAzimuthDeg, DistanceKm);
}
