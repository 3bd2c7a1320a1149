using Seismic.Configuration;
using Seismic.Contracts.Ingest;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;
using Seismic.Metadata.QuakeMl;
using Seismic.Waveforms.Selection;

namespace Seismic.Ingest.Processing;

/// <summary>
/// Known events for a backfill: a catalog's events become event hints (origin, magnitude, type and the picks
/// made at the array), and a hint becomes the <see cref="KnownEvent"/> its segment is placed by.
/// </summary>
public sealed class CatalogHints(ArraySettings array)
{
    private readonly SeedPattern _sites = new(array.StationPattern);

    /// <summary>The catalog's events whose preferred origin, or first array pick, lies in [startUtc, endUtc).</summary>
    public IReadOnlyList<EventHint> From(Catalog catalog, DateTime startUtc, DateTime endUtc)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var hints = new List<EventHint>();
        foreach (var seismicEvent in catalog.Events)
        {
            var origin = seismicEvent.PreferredOrigin;
            var picks = seismicEvent.Picks.Where(IsArrayPick).OrderBy(p => p.TimeUtc).ToList();
            var when = picks.Count > 0 ? picks[0].TimeUtc : origin?.TimeUtc;
            if (when is not { } timeUtc || timeUtc < startUtc || timeUtc >= endUtc)
                continue;
            hints.Add(new EventHint
            {
                EventId = seismicEvent.PublicId,
                OriginTimeUtc = origin?.TimeUtc,
                LatitudeDeg = origin?.LatitudeDeg,
                LongitudeDeg = origin?.LongitudeDeg,
                DepthKm = origin?.DepthKm,
                Magnitude = seismicEvent.PreferredMagnitude?.Value,
                EventType = seismicEvent.Type,
                Picks = picks.Select(p => new PickHint
                {
                    StationCode = p.WaveformId.StationCode,
                    PhaseHint = p.PhaseHint ?? "",
                    TimeUtc = p.TimeUtc,
                    BackAzimuthDeg = p.BackazimuthDeg,
                    HorizontalSlownessSPerDeg = p.HorizontalSlownessSPerDeg,
                }).ToList(),
            });
        }
        return hints;
    }

    /// <summary>Pick times at the array, or, without picks, the first P and S a regional crust predicts from the origin.</summary>
    public KnownEvent Place(EventHint hint)
    {
        ArgumentNullException.ThrowIfNull(hint);
        var pickTimes = hint.Picks.Where(p => IsArrayStation(p.StationCode)).Select(p => p.TimeUtc).ToList();
        if (pickTimes.Count > 0 || hint is not { OriginTimeUtc: { } originUtc, LatitudeDeg: { } lat, LongitudeDeg: { } lon })
            return new KnownEvent(hint.EventId, pickTimes, null, null);

        var distanceKm = GreatCircle.DistanceKm(new GeoPoint(array.ReferenceLatitudeDeg, array.ReferenceLongitudeDeg), new GeoPoint(lat, lon));
        var (p, s) = CrustModel.Fennoscandia.FirstArrivals(distanceKm, hint.DepthKm ?? 0);
        return new KnownEvent(hint.EventId, [], originUtc.AddSeconds(p.TravelTimeS), originUtc.AddSeconds(s.TravelTimeS));
    }

    /// <summary>Picks on the array's beam (station code = array code, as NORSAR's bulletins write them) or on one of its sites.</summary>
    private bool IsArrayPick(Pick pick) => IsArrayStation(pick.WaveformId.StationCode);

    private bool IsArrayStation(string stationCode) =>
        stationCode.Equals(array.Code, StringComparison.OrdinalIgnoreCase) || _sites.Matches(stationCode);
}
