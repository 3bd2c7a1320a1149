using Seismic.Metadata.Propagation;
using Seismic.Simulation.Randomness;

namespace Seismic.Simulation.Sources;

/// <summary>
/// Draws a UTC day's events, region by region: Poisson counts at the bulletin rates, times (mines blast in
/// working hours, earthquakes at any time), magnitudes in the bulletin's range, epicentres scattered in the
/// region, and the source character of the event's class.
/// </summary>
public static class EventScheduler
{
    /// <summary>Mines blast mostly on working days; a few quarries work weekends too, at this share of the weekday rate.</summary>
    public const double WeekendBlastingShare = 0.05;

    /// <summary>Local working hours of the mines' blasting, [start, end) hours.</summary>
    public const double BlastingStartHourLocal = 7.0;

    public const double BlastingEndHourLocal = 17.0;

    /// <summary>Explosions per year over the rows of <see cref="SourceRegions.All"/>, as a factor of the rows' own counts.</summary>
    public static double ExplosionRowScale { get; } = Scale(EventKind.Explosion, SourceRegions.ExplosionsPerYear);

    public static double EarthquakeRowScale { get; } = Scale(EventKind.Earthquake, SourceRegions.EarthquakesPerYear);

    /// <summary>Expected events of a region on one day of the given kind (weekday or weekend), before the rate multiplier.</summary>
    public static double ExpectedPerDay(SourceRegion region, bool weekend)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Kind switch
        {
            // A year has 365 * 5/7 weekdays and 365 * 2/7 weekend days, the latter at WeekendBlastingShare.
            EventKind.Explosion => region.EventsIn2022 * ExplosionRowScale / (365.0 * (5.0 + (2.0 * WeekendBlastingShare)) / 7.0)
                * (weekend ? WeekendBlastingShare : 1.0),
            EventKind.Earthquake => region.EventsIn2022 * EarthquakeRowScale / 365.0,
            _ => region.EventsIn2022 / 365.0,
        };
    }

    /// <summary>The day's events; <c>earthquakeRateMultiplier</c> is a further factor on earthquake regions only (see ScenarioOptions).</summary>
    public static IReadOnlyList<SimulatedEvent> ForDay(DateOnly dayUtc, long seed, double rateMultiplier, double earthquakeRateMultiplier = 1.0)
    {
        var dayNumber = dayUtc.DayNumber;
        var random = new RandomStream(seed, (long)StreamPurpose.Events, dayNumber);
        var weekend = dayUtc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var midnight = dayUtc.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var drafts = new List<(DateTime OriginUtc, SourceRegion Region, RandomStream Random)>();
        for (var r = 0; r < SourceRegions.All.Count; r++)
        {
            var region = SourceRegions.All[r];
            var classFactor = region.Kind == EventKind.Earthquake ? earthquakeRateMultiplier : 1.0;
            var count = random.Poisson(ExpectedPerDay(region, weekend) * rateMultiplier * classFactor);
            for (var k = 0; k < count; k++)
            {
                var hourUtc = region.Kind == EventKind.Explosion
                    ? random.Uniform(BlastingStartHourLocal, BlastingEndHourLocal) - region.LocalUtcOffsetHours
                    : random.Uniform(0.0, 24.0);
                var origin = midnight.AddMilliseconds(Math.Round(hourUtc * 3_600_000.0));
                drafts.Add((origin, region, new RandomStream(seed, (long)StreamPurpose.Events, dayNumber, r, k)));
            }
        }

        return drafts
            .OrderBy(d => d.OriginUtc)
            .ThenBy(d => d.Region.Name, StringComparer.Ordinal)
            .Select((d, index) => Create(d.OriginUtc, d.Region, d.Random, seed, dayUtc, index))
            .ToList();
    }

    private static SimulatedEvent Create(DateTime originUtc, SourceRegion region, RandomStream random, long seed, DateOnly dayUtc, int index)
    {
        var epicentre = GreatCircle.Destination(
            region.Centre, random.Uniform(0.0, 360.0), region.ScatterRadiusKm * Math.Sqrt(random.NextDouble()));
        var depthKm = Math.Round(random.Uniform(region.DepthMinKm, region.DepthMaxKm), 2);
        var magnitude = Math.Round(random.SplitTriangular(region.MagnitudeMin, region.MagnitudeMedian, region.MagnitudeMax), 1);
        var distanceKm = GreatCircle.DistanceKm(ArcesArray.Reference, epicentre);
        var seedText = seed < 0 ? $"m{-seed}" : seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SimulatedEvent
        {
            PublicId = FormattableString.Invariant($"smi:seismic.simulation/event/s{seedText}/{dayUtc:yyyyMMdd}-{index:D4}"),
            WaveformKey = ((long)dayUtc.DayNumber << 16) | (long)index,
            Kind = region.Kind,
            RegionName = region.Name,
            OriginUtc = originUtc,
            Epicentre = epicentre,
            DepthKm = depthKm,
            Magnitude = magnitude,
            DistanceKm = distanceKm,
            BackAzimuthDeg = GreatCircle.AzimuthDeg(ArcesArray.Reference, epicentre),
            OceanicPath = region.OceanicPath,
            Source = Character(region.Kind, random),
            Arrivals = CrustModel.Fennoscandia.Arrivals(distanceKm, depthKm),
        };
    }

    /// <summary>
    /// The class differences regional discrimination rests on (Pomeroy et al. 1982; Baumgardt and Young 1990 for
    /// Fennoscandian mines; Kim et al. 1993): explosions have larger P/S ratios, increasingly so at high frequency,
    /// and mine blasts are ripple-fired (many delayed shots, which modulate the spectrum). The distributions
    /// overlap on purpose: a single ratio does not separate the classes.
    /// </summary>
    private static SourceCharacter Character(EventKind kind, RandomStream random) => kind switch
    {
        EventKind.Explosion => new SourceCharacter(
            random.LogNormal10(0.7, 0.22), random.Normal(0.35, 0.25), random.LogNormal10(10.0, 0.3), RippleFiring(random)),
        EventKind.Earthquake => new SourceCharacter(
            random.LogNormal10(0.4, 0.22), random.Normal(0.0, 0.25), random.LogNormal10(30.0, 0.3), [0.0]),
        _ => new SourceCharacter(
            random.LogNormal10(0.45, 0.22), random.Normal(0.1, 0.25), random.LogNormal10(10.0, 0.3), [0.0]),
    };

    /// <summary>Mining blasts fire 3-24 rows 17-42 ms apart (typical Swedish and Kola practice); each row is one shot here.</summary>
    private static double[] RippleFiring(RandomStream random)
    {
        var shots = random.Integer(3, 25);
        var delays = new double[shots];
        for (var i = 1; i < shots; i++)
        {
            delays[i] = delays[i - 1] + random.Uniform(0.017, 0.042);
        }

        return delays;
    }

    private static double Scale(EventKind kind, int perYear) =>
        perYear / (double)SourceRegions.All.Where(r => r.Kind == kind).Sum(r => r.EventsIn2022);
}
