using System.Globalization;
using System.Xml.Linq;

namespace Seismic.Integration.Tests;

/// <summary>
/// One hour of simulated ARCES (<see cref="SimulatedHours"/>), and the archive's day files concatenated into one
/// miniSEED file, as a user with a single file would have it.
/// </summary>
public sealed class SimulatedHour() : SimulatedHours(1)
{

    /// <summary>Every file of the archive, one after the other.</summary>
    public string SingleFilePath => Path.Combine(Environment.Folder, "hour.mseed");

    /// <summary>
    /// The strongest simulated event whose P arrival is at least 2 minutes after the start and 3 before the end, so a
    /// 300 s segment from 100 s before it, with its edges, lies inside the hour: its P time and true back-azimuth.
    /// </summary>
    public (DateTime PUtc, double BackAzimuthDeg) StrongestEvent { get; private set; }

    /// <summary>The first pick (P) of every simulated event.</summary>
    public IReadOnlyList<DateTime> PTimesUtc { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();

        await using (var single = File.Create(SingleFilePath))
        {
            foreach (var file in Directory.GetFiles(ArchivePath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                await using var part = File.OpenRead(file);
                await part.CopyToAsync(single);
            }
        }

        StrongestEvent = ReadStrongestEvent(Path.Combine(Folder, "catalog.xml"));
        XNamespace bed = "http://quakeml.org/xmlns/bed/1.2";
        PTimesUtc = XDocument.Load(Path.Combine(Folder, "catalog.xml")).Descendants(bed + "event")
            .Select(e => DateTime.Parse(e.Elements(bed + "pick").First().Element(bed + "time")!.Element(bed + "value")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal))
            .ToList();
    }

    private static (DateTime, double) ReadStrongestEvent(string catalogPath)
    {
        XNamespace bed = "http://quakeml.org/xmlns/bed/1.2";
        return XDocument.Load(catalogPath).Descendants(bed + "event")
            .Select(e => (
                Magnitude: Number(e.Element(bed + "magnitude")!.Element(bed + "mag")!.Element(bed + "value")!.Value),
                Pick: e.Elements(bed + "pick").First()))
            .Select(e => (
                e.Magnitude,
                PUtc: DateTime.Parse(e.Pick.Element(bed + "time")!.Element(bed + "value")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                BackAzimuthDeg: Number(e.Pick.Element(bed + "backazimuth")!.Element(bed + "value")!.Value)))
            .Where(e => e.PUtc > StartUtc.AddMinutes(2) && e.PUtc < StartUtc.AddMinutes(57))
            .OrderByDescending(e => e.Magnitude)
            .Select(e => (e.PUtc, e.BackAzimuthDeg))
            .First();
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
