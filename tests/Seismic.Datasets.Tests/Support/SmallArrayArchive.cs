using Seismic.Metadata.Geometry;
using Seismic.Metadata.Propagation;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;
using Seismic.Signal.Arrays;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Sds;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Datasets.Tests.Support;

/// <summary>One catalog event of the small archive: where it is and what the catalog says of it.</summary>
public sealed record SmallEvent(string Id, string? Type, DateTime OriginUtc, double BackAzimuthDeg, double DistanceKm)
{
    public bool HasOrigin { get; init; } = true;

    /// <summary>An ARCES P pick (with back-azimuth) at the predicted time.</summary>
    public bool HasPick { get; init; }

    /// <summary>Whether the archive holds this event's wavefield (false: it is in the catalog only).</summary>
    public bool Recorded { get; init; } = true;
}

/// <summary>
/// A five-site array at the ARCES reference point with four hours of 40 Hz data in an SDS archive
/// (22:00 to 02:00 UTC across one midnight), its StationXML, and a QuakeML catalog. Each recorded event is
/// a P plane wave on the verticals and an S plane wave on the horizontals, at the times and back-azimuth
/// the builder predicts from the origin, over Gaussian noise; <see cref="GapStartUtc"/> to
/// <see cref="GapEndUtc"/> has no data at all.
/// </summary>
public static class SmallArrayArchive
{
    public const double RateHz = 40.0;
    public const double NoiseCounts = 10.0;
    public const double SignalCounts = 400.0;

    public static readonly GeoPoint Reference = new(69.53, 25.51);
    public static readonly DateTime StartUtc = new(2024, 3, 1, 22, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime EndUtc = StartUtc.AddHours(4);
    public static readonly DateTime GapStartUtc = new(2024, 3, 2, 1, 30, 0, DateTimeKind.Utc);
    public static readonly DateTime GapEndUtc = new(2024, 3, 2, 1, 45, 0, DateTimeKind.Utc);

    public static readonly IReadOnlyList<ArraySite> Sites =
    [
        new("ARA0", 0.0, 0.0), new("ARA1", 0.5, 0.3), new("ARA2", -0.4, 0.45), new("ARA3", 0.1, -0.6), new("ARB1", 1.2, -0.8),
    ];

    private static DateTime At(int day, int hour, int minute) => new(2024, 3, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Eight windowable events (four each side of midnight), then one of each kind of trouble.</summary>
    public static readonly IReadOnlyList<SmallEvent> Events =
    [
        new("smi:test/ev1", "earthquake", At(1, 22, 10), 40, 300),
        new("smi:test/ev2", "quarry blast", At(1, 22, 40), 120, 200) { HasPick = true },
        new("smi:test/ev3", "induced or triggered event", At(1, 23, 10), 200, 450),
        new("smi:test/ev4", "explosion", At(1, 23, 30), 310, 150),
        new("smi:test/ev5", "earthquake", At(2, 0, 20), 75, 600),
        new("smi:test/ev6", "mining explosion", At(2, 0, 50), 250, 250),
        new("smi:test/ev7", "earthquake", At(2, 1, 5), 10, 350) { HasPick = true, HasOrigin = false },
        new("smi:test/ev8", "explosion", At(2, 1, 20), 160, 100),
        new("smi:test/midnight", "earthquake", At(1, 23, 57), 90, 200),
        new("smi:test/untyped", null, At(1, 22, 25), 90, 200) { Recorded = false },
        new("smi:test/unplaceable", "earthquake", At(2, 0, 5), 90, 200) { HasOrigin = false, Recorded = false },
        new("smi:test/in-gap", "explosion", At(2, 1, 36), 30, 200),
        new("smi:test/not-a-class", "landslide", At(2, 1, 50), 30, 200),
    ];

    public static string InventoryPath(string folder) => Path.Combine(folder, "array.xml");

    public static string CatalogPath(string folder) => Path.Combine(folder, "catalog.xml");

    public static string ArchivePath(string folder) => Path.Combine(folder, "archive");

    /// <summary>P arrival at the array reference: the origin time plus the builder's regional travel time.</summary>
    public static DateTime PArrivalUtc(SmallEvent e) => e.OriginUtc.AddSeconds(CrustModel.Fennoscandia.FirstArrivals(e.DistanceKm, 10).P.TravelTimeS);

    public static DateTime SArrivalUtc(SmallEvent e) => e.OriginUtc.AddSeconds(CrustModel.Fennoscandia.FirstArrivals(e.DistanceKm, 10).S.TravelTimeS);

    public static void Write(string folder)
    {
        StationXmlWriter.WriteFile(Inventory(), InventoryPath(folder));
        QuakeMlWriter.WriteFile(Catalog(), CatalogPath(folder));
        var archive = new SdsArchive(ArchivePath(folder));
        var count = (int)Math.Round((EndUtc - StartUtc).TotalSeconds * RateHz);
        var gapFirst = (int)Math.Round((GapStartUtc - StartUtc).TotalSeconds * RateHz);
        var gapEnd = (int)Math.Round((GapEndUtc - StartUtc).TotalSeconds * RateHz);
        for (var s = 0; s < Sites.Count; s++)
        {
            foreach (var (code, component) in new[] { ("BHZ", 0), ("BHN", 1), ("BHE", 2) })
            {
                var counts = Record(Sites[s], component, count, seed: (s * 3) + component);
                var id = SourceId.FromSeed("NO", Sites[s].Name, "", code);
                archive.Write(TraceSegment.FromInt32(id, NanoTime.FromDateTime(StartUtc), RateHz, counts.AsMemory(0, gapFirst)));
                archive.Write(TraceSegment.FromInt32(id, NanoTime.FromDateTime(GapEndUtc), RateHz, counts.AsMemory(gapEnd)));
            }
        }
    }

    private static int[] Record(ArraySite site, int component, int count, int seed)
    {
        var random = new Random(seed);
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = NoiseCounts * Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        }

        foreach (var e in Events.Where(e => e.Recorded))
        {
            var (pEast, pNorth) = PlaneWave.SlownessVector(e.BackAzimuthDeg, 1.0 / 6.45);
            var (sEast, sNorth) = PlaneWave.SlownessVector(e.BackAzimuthDeg, 1.0 / 3.70);
            var pSeconds = (PArrivalUtc(e) - StartUtc).TotalSeconds + PlaneWave.DelaySeconds(site, pEast, pNorth);
            var sSeconds = (SArrivalUtc(e) - StartUtc).TotalSeconds + PlaneWave.DelaySeconds(site, sEast, sNorth);
            var baz = e.BackAzimuthDeg * Math.PI / 180.0;

            // Transverse S motion only, as N and E (ObsPy's rotate_ne_rt inverted with R = 0).
            var projection = component switch { 1 => Math.Sin(baz), 2 => -Math.Cos(baz), _ => 0.0 };
            AddWavelet(samples, component == 0 ? pSeconds : sSeconds, component == 0 ? SignalCounts : SignalCounts * projection);
        }
        return samples.Select(x => (int)Math.Round(x)).ToArray();
    }

    /// <summary>A 4 Hz cosine under a Gaussian (sigma 0.5 s), in the middle of the 2-8 Hz beam band.</summary>
    private static void AddWavelet(double[] samples, double atSeconds, double amplitude)
    {
        var centre = (int)Math.Round(atSeconds * RateHz);
        for (var i = Math.Max(0, centre - 80); i < Math.Min(samples.Length, centre + 80); i++)
        {
            var t = (i / RateHz) - atSeconds;
            samples[i] += amplitude * Math.Exp(-(t * t) / 0.5) * Math.Cos(2 * Math.PI * 4.0 * t);
        }
    }

    private static Catalog Catalog() => new()
    {
        PublicId = "smi:test/catalog",
        Events = Events.Select(e =>
        {
            var (latitude, longitude) = Destination(e.BackAzimuthDeg, e.DistanceKm);
            return new SeismicEvent
            {
                PublicId = e.Id,
                Type = e.Type,
                Origins = e.HasOrigin
                    ? [new Origin { PublicId = e.Id + "/origin", TimeUtc = e.OriginUtc, LatitudeDeg = latitude, LongitudeDeg = longitude, DepthM = 10_000 }]
                    : [],
                Magnitudes = [new Magnitude { PublicId = e.Id + "/magnitude", Value = 2.5, Type = "ML" }],
                Picks = e.HasPick
                    ?
                    [
                        new Pick
                        {
                            PublicId = e.Id + "/pick/P",
                            TimeUtc = PArrivalUtc(e),
                            WaveformId = new WaveformStreamId { NetworkCode = "NO", StationCode = "ARCES" },
                            PhaseHint = "Pn",
                            BackazimuthDeg = e.BackAzimuthDeg,
                        },
                    ]
                    : [],
            };
        }).ToList(),
    };

    /// <summary>The point at a distance along a great circle leaving the array in the direction of the back-azimuth.</summary>
    private static (double LatitudeDeg, double LongitudeDeg) Destination(double azimuthDeg, double distanceKm)
    {
        var delta = distanceKm / 6371.0;
        var theta = azimuthDeg * Math.PI / 180.0;
        var phi1 = Reference.LatitudeDeg * Math.PI / 180.0;
        var lambda1 = Reference.LongitudeDeg * Math.PI / 180.0;
        var phi2 = Math.Asin((Math.Sin(phi1) * Math.Cos(delta)) + (Math.Cos(phi1) * Math.Sin(delta) * Math.Cos(theta)));
        var lambda2 = lambda1 + Math.Atan2(Math.Sin(theta) * Math.Sin(delta) * Math.Cos(phi1), Math.Cos(delta) - (Math.Sin(phi1) * Math.Sin(phi2)));
        return (phi2 * 180.0 / Math.PI, lambda2 * 180.0 / Math.PI);
    }

    private static Inventory Inventory() => new()
    {
        SchemaVersion = "1.2",
        Source = "synthetic",
        CreatedUtc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Networks =
        [
            new Network { Code = "NO", Description = null, StartUtc = null, EndUtc = null, Stations = Sites.Select(Station).ToList() },
        ],
    };

    private static Station Station(ArraySite site)
    {
        var position = LocalProjection.ToGeographic(Reference, new LocalOffset(site.EastKm, site.NorthKm));
        Channel Channel(string code, double azimuthDeg, double dipDeg) => new()
        {
            Id = new ChannelId("NO", site.Name, "", code),
            StartUtc = null,
            EndUtc = null,
            LatitudeDeg = position.LatitudeDeg,
            LongitudeDeg = position.LongitudeDeg,
            ElevationM = 400,
            DepthM = 0,
            AzimuthDeg = azimuthDeg,
            DipDeg = dipDeg,
            SampleRateHz = RateHz,
            Sensitivity = null,
        };

        return new Station
        {
            NetworkCode = "NO",
            Code = site.Name,
            StartUtc = null,
            EndUtc = null,
            LatitudeDeg = position.LatitudeDeg,
            LongitudeDeg = position.LongitudeDeg,
            ElevationM = 400,
            SiteName = null,
            Channels = [Channel("BHZ", 0, -90), Channel("BHN", 0, 0), Channel("BHE", 90, 0)],
        };
    }
}
