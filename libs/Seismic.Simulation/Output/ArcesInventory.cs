using Seismic.Metadata.Geometry;
using Seismic.Metadata.StationXml;

namespace Seismic.Simulation.Output;

/// <summary>The simulated array as StationXML: each site where its offset puts it, BHZ/BHN/BHE with orientation, rate and sensitivity.</summary>
public static class ArcesInventory
{
    /// <summary>Epochs open from this date, so that any simulated interval after it finds every channel active.</summary>
    public static DateTime EpochStartUtc { get; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <param name="createdUtc">The document's Created time; the simulation's start, so that the bytes depend on the seed and the interval only.</param>
    public static Inventory Create(DateTime createdUtc) => new()
    {
        SchemaVersion = "1.2",
        Source = "Seismic simulator (seismic simulate)",
        CreatedUtc = createdUtc,
        Networks =
        [
            new Network
            {
                Code = ArcesArray.NetworkCode,
                Description = "Synthetic ARCES: simulated data, not NORSAR's recordings",
                StartUtc = EpochStartUtc,
                EndUtc = null,
                Stations = ArcesArray.Sites.Select(Station).ToList(),
            },
        ],
    };

    private static Station Station(Seismic.Signal.Arrays.ArraySite site)
    {
        var position = LocalProjection.ToGeographic(ArcesArray.Reference, new LocalOffset(site.EastKm, site.NorthKm));
        Channel Channel(string code, double azimuthDeg, double dipDeg) => new()
        {
            Id = new ChannelId(ArcesArray.NetworkCode, site.Name, ArcesArray.LocationCode, code),
            StartUtc = EpochStartUtc,
            EndUtc = null,
            LatitudeDeg = position.LatitudeDeg,
            LongitudeDeg = position.LongitudeDeg,
            ElevationM = ArcesArray.ElevationM,
            DepthM = 0,
            AzimuthDeg = azimuthDeg,
            DipDeg = dipDeg,
            SampleRateHz = ArcesArray.SampleRateHz,
            Sensitivity = new InstrumentSensitivity
            {
                Value = ArcesArray.SensitivityCountsPerMPerS,
                FrequencyHz = ArcesArray.SensitivityFrequencyHz,
                InputUnits = "M/S",
                OutputUnits = "COUNTS",
            },
        };

        return new Station
        {
            NetworkCode = ArcesArray.NetworkCode,
            Code = site.Name,
            StartUtc = EpochStartUtc,
            EndUtc = null,
            LatitudeDeg = position.LatitudeDeg,
            LongitudeDeg = position.LongitudeDeg,
            ElevationM = ArcesArray.ElevationM,
            SiteName = $"ARCES site {site.Name} (synthetic)",
            Channels = [Channel("BHZ", 0, -90), Channel("BHN", 0, 0), Channel("BHE", 90, 0)],
        };
    }
}
