using System.Globalization;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.Propagation;
using Seismic.Simulation.Scenario;
using Seismic.Simulation.Sources;

namespace Seismic.Simulation.Output;

/// <summary>
/// The scenario's events as QuakeML 1.2, in the shape of the bulletins behind the seed's data (SPEC section 7):
/// event type, origin, ML, and two array picks on station "ARCES" (the first P and the main S, Lg or Sn) with
/// back-azimuth and horizontal slowness, so the beamformer's BackAzimuthHint can take the direction from the picks.
/// </summary>
public static class TruthCatalog
{
    public static Catalog Create(SimulationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var options = scenario.Options;
        var seed = options.Seed < 0 ? $"m{-options.Seed}" : options.Seed.ToString(CultureInfo.InvariantCulture);
        return new Catalog
        {
            PublicId = FormattableString.Invariant($"smi:seismic.simulation/catalog/s{seed}/{options.StartUtc:yyyyMMddTHHmmss}"),
            Events = scenario.Events.Select(Event).ToList(),
        };
    }

    private static SeismicEvent Event(SimulatedEvent e)
    {
        var originId = $"{e.PublicId}/origin";
        var magnitudeId = $"{e.PublicId}/magnitude";
        var picked = new[] { e.FirstP, e.MainS };
        var picks = picked.Select(a => Pick(e, a)).ToList();
        var azimuthToArray = GreatCircle.AzimuthDeg(e.Epicentre, ArcesArray.Reference);
        return new SeismicEvent
        {
            PublicId = e.PublicId,
            Type = e.Kind.QuakeMlType(),
            TypeCertainty = EventTypeCertainty.Known,
            PreferredOriginId = originId,
            PreferredMagnitudeId = magnitudeId,
            Descriptions = [new EventDescription { Text = e.RegionName, Type = "region name" }],
            Origins =
            [
                new Origin
                {
                    PublicId = originId,
                    TimeUtc = e.OriginUtc,
                    LatitudeDeg = Math.Round(e.Epicentre.LatitudeDeg, 4),
                    LongitudeDeg = Math.Round(e.Epicentre.LongitudeDeg, 4),
                    DepthM = Math.Round(e.DepthKm * 1000.0),
                    EvaluationMode = EvaluationMode.Manual,
                    Arrivals = picked.Select((a, i) => new Arrival
                    {
                        PublicId = $"{e.PublicId}/arrival/{a.Phase.Name()}",
                        PickId = picks[i].PublicId,
                        Phase = a.Phase.Name(),
                        AzimuthDeg = Math.Round(azimuthToArray, 2),
                        DistanceDeg = Math.Round(e.DistanceKm / GreatCircle.KmPerDegree, 4),
                    }).ToList(),
                },
            ],
            Magnitudes = [new Magnitude { PublicId = magnitudeId, Value = e.Magnitude, Type = "ML", OriginId = originId }],
            Picks = picks,
        };
    }

    private static Pick Pick(SimulatedEvent e, PhaseArrival arrival) => new()
    {
        PublicId = $"{e.PublicId}/pick/{arrival.Phase.Name()}",
        TimeUtc = e.ArrivalUtc(arrival),
        WaveformId = new WaveformStreamId { NetworkCode = ArcesArray.NetworkCode, StationCode = ArcesArray.ArrayCode },
        PhaseHint = arrival.Phase.Name(),
        BackazimuthDeg = Math.Round(e.BackAzimuthDeg, 2),
        HorizontalSlownessSPerDeg = Math.Round(GreatCircle.KmPerDegree / arrival.ApparentVelocityKmPerS, 3),
        EvaluationMode = EvaluationMode.Manual,
    };
}
