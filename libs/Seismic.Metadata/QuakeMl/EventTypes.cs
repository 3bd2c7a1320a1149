namespace Seismic.Metadata.QuakeMl;

/// <summary>
/// The QuakeML 1.2 EventType vocabulary. <see cref="SeismicEvent.Type"/> stays a string because
/// catalogs in the wild use values outside it ("quarry_blast" from ComCat, "null" from NERIES) and a
/// reader that rejected them would lose whole catalogs over one word; the writer, which promises
/// valid QuakeML, refuses them.
/// </summary>
public static class EventTypes
{
    public const string Earthquake = "earthquake";
    public const string Explosion = "explosion";
    public const string ChemicalExplosion = "chemical explosion";
    public const string NuclearExplosion = "nuclear explosion";
    public const string QuarryBlast = "quarry blast";
    public const string MiningExplosion = "mining explosion";
    public const string NotExisting = "not existing";
    public const string NotReported = "not reported";
    public const string OtherEvent = "other event";

    /// <summary>Every value QuakeML 1.2 allows.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "not existing", "not reported", "earthquake", "anthropogenic event", "collapse", "cavity collapse",
        "mine collapse", "building collapse", "explosion", "accidental explosion", "chemical explosion",
        "controlled explosion", "experimental explosion", "industrial explosion", "mining explosion",
        "quarry blast", "road cut", "blasting levee", "nuclear explosion", "induced or triggered event",
        "rock burst", "reservoir loading", "fluid injection", "fluid extraction", "crash", "plane crash",
        "train crash", "boat crash", "other event", "atmospheric event", "sonic boom", "sonic blast",
        "acoustic noise", "thunder", "avalanche", "snow avalanche", "debris avalanche",
        "hydroacoustic event", "ice quake", "slide", "landslide", "rockslide", "meteorite",
        "volcanic eruption",
    };
}
