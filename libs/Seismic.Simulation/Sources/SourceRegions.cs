namespace Seismic.Simulation.Sources;

/// <summary>
/// The busiest cells of the 2022 Helsinki and NORSAR bulletins around ARCES (regional-sources.md), as regions.
/// The cells hold 6,628 of the year's 9,396 explosions and 148 of its 548 earthquakes; the rest came from the
/// same kinds of places, so <see cref="EventScheduler"/> scales each row to the yearly totals
/// (<see cref="ExplosionsPerYear"/>, <see cref="EarthquakesPerYear"/>) rather than inventing sources.
/// </summary>
public static class SourceRegions
{
    public const int ExplosionsPerYear = 9396;

    public const int EarthquakesPerYear = 548;

    public const int InducedPerYear = 17;

    /// <summary>Mines: open pits and sub-level caving blasts are at the surface or within about a kilometre of it.</summary>
    private const double MineDepthMaxKm = 1.0;

    public static IReadOnlyList<SourceRegion> All { get; } =
    [
        Explosions("Kiruna iron mine", 280, 235, 3, 1969, 0.5, 1.1, 2.3, utcOffset: 1),
        Explosions("Malmberget / Gällivare", 349, 219, 3, 1595, 0.6, 1.2, 2.4, utcOffset: 1),
        Explosions("Khibiny (Kirovsk, Rasvumchorr), Kola", 413, 119, 8, 1005, 0.8, 1.2, 2.4, utcOffset: 3),
        Explosions("near Kiruna (Svappavaara)", 264, 232, 10, 519, 0.6, 1.0, 1.7, utcOffset: 1),
        Explosions("Nikel / Zapolyarny, Kola", 204, 89, 10, 464, 0.6, 1.1, 1.5, utcOffset: 3),
        Explosions("Khibiny / Apatity, Kola", 380, 116, 15, 461, 0.9, 1.2, 2.1, utcOffset: 3),
        Explosions("southern Finland quarries", 1070, 175, 110, 500, 0.4, 1.3, 2.0, utcOffset: 2),
        Explosions("central Finland", 625, 169, 20, 115, 0.9, 1.5, 2.2, utcOffset: 2),

        Earthquakes("Knipovich ridge, west of Svalbard", 1160, 339, 100, 70, 1.8, 2.4, 3.5, 2, 15, oceanic: true),
        Earthquakes("Mohns ridge", 880, 302, 30, 24, 1.7, 2.5, 4.0, 2, 15, oceanic: true),
        Earthquakes("Mohns/Knipovich junction", 755, 319, 20, 7, 2.2, 2.4, 2.7, 2, 15, oceanic: true),
        Earthquakes("Norwegian coast (Rana/Meløy)", 601, 242, 30, 8, 1.4, 1.6, 2.8, 5, 20),
        Earthquakes("southern Norway, North Sea", 1354, 233, 150, 19, 1.3, 1.9, 4.7, 5, 25),
        Earthquakes("northern Sweden/Finland, near the array", 175, 216, 35, 13, 0.4, 1.0, 2.8, 5, 20),
        Earthquakes("southern Finland", 1009, 174, 30, 7, 0.3, 0.7, 1.2, 3, 15),

        // Not in the table's busiest cells: the 17 "induced or triggered" events of 2022, put where deep mining
        // is known to cause them (Kiruna's and Malmberget's sub-level caving, the Khibiny massif's rock bursts).
        Induced("Kiruna mine, mining-induced", 280, 235, 3, 10, 0.5, 1.0, 2.0),
        Induced("Khibiny massif, rock bursts", 405, 118, 10, 7, 0.6, 1.1, 2.0),
    ];

    private static SourceRegion Explosions(string name, double distanceKm, double bazDeg, double scatterKm, int count,
        double min, double median, double max, double utcOffset) =>
        Region(EventKind.Explosion, name, distanceKm, bazDeg, scatterKm, count, min, median, max, 0.0, MineDepthMaxKm)
            with { LocalUtcOffsetHours = utcOffset };

    private static SourceRegion Earthquakes(string name, double distanceKm, double bazDeg, double scatterKm, int count,
        double min, double median, double max, double depthMinKm, double depthMaxKm, bool oceanic = false) =>
        Region(EventKind.Earthquake, name, distanceKm, bazDeg, scatterKm, count, min, median, max, depthMinKm, depthMaxKm)
            with { OceanicPath = oceanic };

    private static SourceRegion Induced(string name, double distanceKm, double bazDeg, double scatterKm, int count,
        double min, double median, double max) =>
        Region(EventKind.InducedOrTriggered, name, distanceKm, bazDeg, scatterKm, count, min, median, max, 0.5, 2.0);

    private static SourceRegion Region(EventKind kind, string name, double distanceKm, double bazDeg, double scatterKm, int count,
        double min, double median, double max, double depthMinKm, double depthMaxKm) => new()
        {
            Name = name,
            Kind = kind,
            DistanceKm = distanceKm,
            BackAzimuthDeg = bazDeg,
            ScatterRadiusKm = scatterKm,
            EventsIn2022 = count,
            MagnitudeMin = min,
            MagnitudeMedian = median,
            MagnitudeMax = max,
            DepthMinKm = depthMinKm,
            DepthMaxKm = depthMaxKm,
        };
}
