using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;
using Seismic.Metadata.QuakeMl;
using Seismic.Waveforms.Selection;

namespace Seismic.Datasets.Building;

/// <summary>Where a catalog event's window lies and what steers its beams.</summary>
public sealed record EventWindowPlan
{
    public required SeismicEvent Event { get; init; }
    public required string Label { get; init; }
    public required DateTime PArrivalUtc { get; init; }
    public DateTime? SArrivalUtc { get; init; }

    /// <summary>"pick" when the P arrival is the array's P pick, "predicted" when it comes from the origin.</summary>
    public required string PArrivalSource { get; init; }

    public required DateTime WindowStartUtc { get; init; }
    public required DateTime WindowEndUtc { get; init; }
    public required BackAzimuthHint Hint { get; init; }
    public double? DistanceKm { get; init; }
}

/// <summary>A time span that noise windows must not overlap: an event from before its P window start to the end of its coda.</summary>
public readonly record struct ExcludedSpan(DateTime StartUtc, DateTime EndUtc);

/// <summary>
/// Turns catalog events into training windows, as the original's export_data did: the window starts
/// window.p_position_s (60 s) before the P arrival at the array and lasts window.length_s. The P arrival is
/// the array's P pick when there is one (the original meant to use the analyst pick but a bug always used
/// the predicted time), else the origin time plus a regional travel time (the first P and S of <see cref="CrustModel.Fennoscandia"/>; within a few seconds of observed Pn/Pg at ARCES's distances, and P sits 60 s into the window, so such an error only shifts the event inside it).
/// </summary>
public sealed class EventPlanner(SeismicSettings settings)
{
    /// <summary>
    /// How long after the first S an event's coda is still visible on the beams: regional events of the sizes
    /// ARCES catalogues ring for one to three minutes, so one window length is kept clear of noise windows.
    /// </summary>
    public const double CodaSeconds = 240.0;

    /// <summary>The plan of a labelled event, or the reason it cannot give a window.</summary>
    public (EventWindowPlan? Plan, string? Reason) Plan(SeismicEvent catalogEvent)
    {
        ArgumentNullException.ThrowIfNull(catalogEvent);
        var label = EventLabels.Of(catalogEvent.Type);
        if (label is null)
        {
            return (null, catalogEvent.Type is null
                ? "no event type, so no label"
                : $"event type '{catalogEvent.Type}' is not an earthquake, explosion or induced event");
        }
        if (label == Datasets.SeisBench.DatasetLabels.Induced && !settings.Data.IncludeInduced)
        {
            return (null, "induced event, and data.include_induced is false");
        }

        var arrivals = Arrivals(catalogEvent);
        if (arrivals is not var (pUtc, sUtc, pSource, distanceKm))
        {
            return (null, $"no {settings.Array.Code} P pick and no origin, so the window cannot be placed");
        }
        if (DateOnly.FromDateTime(pUtc) < settings.Data.FirstDate)
        {
            return (null, $"before data.first_date {settings.Data.FirstDate:yyyy-MM-dd}");
        }

        var origin = catalogEvent.PreferredOrigin;
        var hint = new BackAzimuthHint(ArrayPicks(catalogEvent).Select(p => p.BackazimuthDeg).ToList(), origin?.LatitudeDeg, origin?.LongitudeDeg);
        if (BackAzimuthChoice.FromHint(hint, settings.Array.ReferenceLatitudeDeg, settings.Array.ReferenceLongitudeDeg) is null)
        {
            return (null, $"no {settings.Array.Code} pick back-azimuth and no origin to steer the beams to");
        }

        var start = pUtc.AddSeconds(-settings.Window.PPositionS);
        return (new EventWindowPlan
        {
            Event = catalogEvent,
            Label = label,
            PArrivalUtc = pUtc,
            SArrivalUtc = sUtc,
            PArrivalSource = pSource,
            WindowStartUtc = start,
            WindowEndUtc = start.AddSeconds(settings.Window.LengthS),
            Hint = hint,
            DistanceKm = distanceKm,
        }, null);
    }

    /// <summary>The span of any catalog event, labelled or not, that noise must avoid; null when the event cannot be placed in time.</summary>
    public ExcludedSpan? Excluded(SeismicEvent catalogEvent)
    {
        if (Arrivals(catalogEvent) is not var (pUtc, sUtc, _, _))
        {
            return null;
        }
        var last = sUtc is { } s && s > pUtc ? s : pUtc;
        var end = last.AddSeconds(CodaSeconds);
        var windowEnd = pUtc.AddSeconds(-settings.Window.PPositionS + settings.Window.LengthS);
        return new ExcludedSpan(pUtc.AddSeconds(-settings.Window.PPositionS), end > windowEnd ? end : windowEnd);
    }

    private (DateTime P, DateTime? S, string PSource, double? DistanceKm)? Arrivals(SeismicEvent catalogEvent)
    {
        var picks = ArrayPicks(catalogEvent);
        var pPick = picks.Where(p => IsP(p.PhaseHint)).Select(p => (DateTime?)p.TimeUtc).Min();
        var sPick = picks.Where(p => IsS(p.PhaseHint)).Select(p => (DateTime?)p.TimeUtc).Min();

        var origin = catalogEvent.PreferredOrigin;
        double? distanceKm = origin is null
            ? null
            : GreatCircle.DistanceKm(new GeoPoint(settings.Array.ReferenceLatitudeDeg, settings.Array.ReferenceLongitudeDeg), new GeoPoint(origin.LatitudeDeg, origin.LongitudeDeg));
        var depthKm = origin?.DepthKm ?? 0.0;
        var firstArrivals = origin is null ? default : CrustModel.Fennoscandia.FirstArrivals(distanceKm!.Value, depthKm);
        DateTime? pPredicted = origin is null ? null : origin.TimeUtc.AddSeconds(firstArrivals.P.TravelTimeS);
        DateTime? sPredicted = origin is null ? null : origin.TimeUtc.AddSeconds(firstArrivals.S.TravelTimeS);

        if (pPick is { } p)
        {
            return (p, sPick ?? sPredicted, "pick", distanceKm);
        }
        return pPredicted is { } predicted ? (predicted, sPick ?? sPredicted, "predicted", distanceKm) : null;
    }

    /// <summary>Picks made on the array: on its beam (station code = array code, as NORSAR's catalogs) or on one of its sites.</summary>
    private List<Pick> ArrayPicks(SeismicEvent catalogEvent) =>
        catalogEvent.Picks.Where(p => p.WaveformId.StationCode.Equals(settings.Array.Code, StringComparison.OrdinalIgnoreCase)
            || SeedPattern.Matches(settings.Array.StationPattern, p.WaveformId.StationCode)).ToList();

    private static bool IsP(string? phase) => phase is { Length: > 0 } && phase[0] == 'P';

    private static bool IsS(string? phase) => phase is { Length: > 0 } && (phase[0] == 'S' || phase.Equals("Lg", StringComparison.Ordinal));
}
