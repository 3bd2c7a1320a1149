using Seismic.Datasets.Building;
using Seismic.Datasets.SeisBench;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;
using Seismic.Metadata.QuakeMl;
using Seismic.Waveforms.Selection;

namespace Seismic.Evaluation.Detection;

/// <summary>An event of a truth catalog as detection is judged against it: its first P at the array and its class.</summary>
/// <param name="EventId">QuakeML publicID.</param>
/// <param name="Label">earthquake or explosion (induced events count as earthquakes, as the classifier learns them).</param>
/// <param name="PUtc">First P pick at the array.</param>
/// <param name="BackAzimuthDeg">The pick's back-azimuth, when the catalog gives one.</param>
/// <param name="Magnitude">Preferred magnitude.</param>
/// <param name="DistanceKm">Epicentral distance from the array reference.</param>
public sealed record TruthEvent(string EventId, string Label, DateTime PUtc, double? BackAzimuthDeg, double? Magnitude, double? DistanceKm)
{
    /// <summary>
    /// The catalog's labelled events with a P pick at the array (station = array code, or one of its sites) in
    /// [startUtc, endUtc). Events without a class or without a P pick cannot be scored and are left out.
    /// </summary>
    public static IReadOnlyList<TruthEvent> From(Catalog catalog, string arrayCode, string sitePattern, GeoPoint arrayReference, DateTime startUtc, DateTime endUtc)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var sites = new SeedPattern(sitePattern);
        var events = new List<TruthEvent>();
        foreach (var seismicEvent in catalog.Events)
        {
            var label = EventLabels.Of(seismicEvent.Type);
            var firstP = seismicEvent.Picks
                .Where(p => p.PhaseHint is { Length: > 0 } phase && phase[0] == 'P'
                    && (p.WaveformId.StationCode.Equals(arrayCode, StringComparison.OrdinalIgnoreCase) || sites.Matches(p.WaveformId.StationCode)))
                .OrderBy(p => p.TimeUtc)
                .FirstOrDefault();
            if (label is null || firstP is null || firstP.TimeUtc < startUtc || firstP.TimeUtc >= endUtc)
                continue;
            var origin = seismicEvent.PreferredOrigin;
            events.Add(new TruthEvent(
                seismicEvent.PublicId,
                label == DatasetLabels.Induced ? DatasetLabels.Earthquake : label,
                firstP.TimeUtc,
                firstP.BackazimuthDeg,
                seismicEvent.PreferredMagnitude?.Value,
                origin is null ? null : GreatCircle.DistanceKm(arrayReference, new GeoPoint(origin.LatitudeDeg, origin.LongitudeDeg))));
        }
        return events.OrderBy(e => e.PUtc).ToList();
    }
}
