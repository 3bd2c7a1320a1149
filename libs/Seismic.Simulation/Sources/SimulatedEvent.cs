using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;

namespace Seismic.Simulation.Sources;

/// <summary>What sets an event's waveforms apart beyond its size and place: the source physics each class is known for.</summary>
/// <param name="PToSAmplitudeRatio">Peak of the strongest P phase over the peak of the strongest S phase, broadband.</param>
/// <param name="PSpectralTiltExponent">P spectra are multiplied by (f / 2 Hz)^exponent: positive makes P richer in high frequencies.</param>
/// <param name="StressDropBar">Brune stress drop, which with the moment sets the corner frequency.</param>
/// <param name="ShotDelaysS">Delays of the shots of a ripple-fired blast from the first one; a single 0 for one source.</param>
public sealed record SourceCharacter(double PToSAmplitudeRatio, double PSpectralTiltExponent, double StressDropBar, IReadOnlyList<double> ShotDelaysS);

/// <summary>One simulated event with everything the truth catalog says about it.</summary>
public sealed record SimulatedEvent
{
    /// <summary>QuakeML public id, e.g. smi:seismic.simulation/event/s42/20240301-0007.</summary>
    public required string PublicId { get; init; }

    /// <summary>Key of the event's own random stream (day number and index within the day).</summary>
    public required long WaveformKey { get; init; }

    public required EventKind Kind { get; init; }

    public required string RegionName { get; init; }

    public required DateTime OriginUtc { get; init; }

    public required GeoPoint Epicentre { get; init; }

    public required double DepthKm { get; init; }

    /// <summary>Local magnitude ML.</summary>
    public required double Magnitude { get; init; }

    /// <summary>Epicentral distance from the array reference.</summary>
    public required double DistanceKm { get; init; }

    /// <summary>Direction from the array to the epicentre, degrees clockwise from north.</summary>
    public required double BackAzimuthDeg { get; init; }

    public required bool OceanicPath { get; init; }

    public required SourceCharacter Source { get; init; }

    /// <summary>Every phase that exists at this distance, at the array reference.</summary>
    public required IReadOnlyList<PhaseArrival> Arrivals { get; init; }

    /// <summary>The first P (Pn beyond the crossover, else Pg): the truth P pick.</summary>
    public PhaseArrival FirstP => Arrivals.Where(a => a.Phase.IsP()).MinBy(a => a.TravelTimeS)!;

    /// <summary>
    /// The S phase an analyst picks: Lg on continental paths, Sn where oceanic crust blocks Lg.
    /// </summary>
    public PhaseArrival MainS => Arrivals.FirstOrDefault(a => a.Phase == (OceanicPath ? RegionalPhase.Sn : RegionalPhase.Lg))
        ?? Arrivals.Where(a => !a.Phase.IsP()).MinBy(a => a.TravelTimeS)!;

    public DateTime ArrivalUtc(PhaseArrival arrival) => OriginUtc.AddTicks((long)Math.Round(arrival.TravelTimeS * TimeSpan.TicksPerSecond));

    public DateTime PArrivalUtc => ArrivalUtc(FirstP);

    public DateTime SArrivalUtc => ArrivalUtc(MainS);
}
