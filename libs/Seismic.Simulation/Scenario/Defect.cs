using Seismic.Simulation.Randomness;

namespace Seismic.Simulation.Scenario;

public enum DefectKind
{
    /// <summary>One channel has no data over the interval (nothing written).</summary>
    Gap,

    /// <summary>All three channels of a site record a flat zero over the interval (a dead sensor, the digitizer still running).</summary>
    DeadSite,

    /// <summary>One sample of one channel is replaced by a large value (a glitch).</summary>
    Spike,
}

/// <summary>A recorded imperfection of the data, so that tests and data-set builders know where it is.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Site">Station code, e.g. ARC3.</param>
/// <param name="Channel">BHZ, BHN or BHE; null for a dead site (all three).</param>
/// <param name="StartUtc">First affected sample.</param>
/// <param name="EndUtc">Exclusive end; a spike's one sample is at <paramref name="StartUtc"/>.</param>
/// <param name="SpikeCounts">The spike's value in counts; null for other kinds.</param>
public sealed record Defect(DefectKind Kind, string Site, string? Channel, DateTime StartUtc, DateTime EndUtc, int? SpikeCounts = null)
{
    public bool Overlaps(DateTime fromUtc, DateTime toUtc) => StartUtc < toUtc && EndUtc > fromUtc;

    public bool Affects(string site, string channel) =>
        string.Equals(Site, site, StringComparison.Ordinal) && (Channel is null || string.Equals(Channel, channel, StringComparison.Ordinal));
}

/// <summary>Draws a day's defects: telemetry gaps, a dead site now and then, spikes.</summary>
public static class DefectScheduler
{
    public const double GapsPerDay = 2.0;

    public const double DeadSitesPerDay = 0.25;

    public const double SpikesPerDay = 4.0;

    public static IReadOnlyList<Defect> ForDay(DateOnly dayUtc, long seed, double rateMultiplier)
    {
        var random = new RandomStream(seed, (long)StreamPurpose.Defects, dayUtc.DayNumber);
        var midnight = dayUtc.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var sites = ArcesArray.Sites;
        var channels = ArcesArray.ChannelCodes;
        var defects = new List<Defect>();

        DateTime OnSampleGrid(double secondsOfDay) => midnight.AddMilliseconds(Math.Round(secondsOfDay * ArcesArray.SampleRateHz) * 1000.0 / ArcesArray.SampleRateHz);

        for (var k = random.Poisson(GapsPerDay * rateMultiplier); k > 0; k--)
        {
            var start = OnSampleGrid(random.Uniform(0, 86_400));
            defects.Add(new Defect(DefectKind.Gap, sites[random.Integer(0, sites.Count)].Name, channels[random.Integer(0, channels.Count)],
                start, start.AddSeconds(Math.Round(random.Uniform(5, 300)))));
        }

        for (var k = random.Poisson(DeadSitesPerDay * rateMultiplier); k > 0; k--)
        {
            var start = OnSampleGrid(random.Uniform(0, 86_400));
            defects.Add(new Defect(DefectKind.DeadSite, sites[random.Integer(0, sites.Count)].Name, null,
                start, start.AddMinutes(Math.Round(random.Uniform(60, 360)))));
        }

        for (var k = random.Poisson(SpikesPerDay * rateMultiplier); k > 0; k--)
        {
            var start = OnSampleGrid(random.Uniform(0, 86_400));
            var sign = random.NextDouble() < 0.5 ? -1 : 1;
            defects.Add(new Defect(DefectKind.Spike, sites[random.Integer(0, sites.Count)].Name, channels[random.Integer(0, channels.Count)],
                start, start.AddSeconds(1.0 / ArcesArray.SampleRateHz), sign * (int)Math.Round(random.Uniform(2e5, 2e6))));
        }

        return defects.OrderBy(d => d.StartUtc).ThenBy(d => d.Site, StringComparer.Ordinal).ToList();
    }
}
