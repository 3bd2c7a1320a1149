using Seismic.Signal.Hygiene;

namespace Seismic.Signal.Arrays;

/// <summary>
/// Matches channels to the geometry and to one sample rate, and says what was left out and why.
/// Shared by the beamformer and the f-k analysis so both treat bad input the same way.
/// </summary>
internal static class ChannelSelection
{
    public static (List<(ArraySite Site, SignalTrace Trace)> Used, List<ArrayIssue> Issues, double SampleRateHz) Select(
        IReadOnlyList<ArraySite> geometry, IReadOnlyList<ArrayChannel> channels, double? sampleRateHz)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var sitesByName = new Dictionary<string, ArraySite>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in geometry)
        {
            sitesByName.TryAdd(site.Name, site);
        }

        var rate = sampleRateHz ?? MostCommonRate(channels);
        var issues = new List<ArrayIssue>();
        var used = new List<(ArraySite, SignalTrace)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var channel in channels)
        {
            var trace = channel.Trace;
            if (!sitesByName.TryGetValue(channel.Site, out var site))
            {
                issues.Add(new ArrayIssue(channel.Site, ArrayIssueKind.NotInGeometry, $"{trace.ChannelId} has no site coordinates"));
            }
            else if (!seen.Add(channel.Site))
            {
                issues.Add(new ArrayIssue(channel.Site, ArrayIssueKind.DuplicateSite, $"{trace.ChannelId} ignored: site already has a channel"));
            }
            else if (trace.Samples.Length == 0)
            {
                issues.Add(new ArrayIssue(channel.Site, ArrayIssueKind.NoSamples, $"{trace.ChannelId} is empty"));
            }
            else if (!(rate > 0) || Math.Abs(trace.SampleRateHz - rate) > 1e-6 * rate)
            {
                issues.Add(new ArrayIssue(channel.Site, ArrayIssueKind.SampleRateMismatch, $"{trace.ChannelId} is at {trace.SampleRateHz} Hz, not {rate} Hz"));
            }
            else
            {
                var missing = trace.MissingSampleCount;
                if (missing > 0)
                {
                    issues.Add(new ArrayIssue(channel.Site, ArrayIssueKind.MissingSamples, $"{trace.ChannelId} has {missing} missing samples ({missing / rate:F2} s)"));
                }

                used.Add((site, trace));
            }
        }

        foreach (var site in geometry)
        {
            if (!seen.Contains(site.Name))
            {
                issues.Add(new ArrayIssue(site.Name, ArrayIssueKind.MissingSite, "no channel for this site"));
            }
        }

        return (used, issues, rate);
    }

    private static double MostCommonRate(IReadOnlyList<ArrayChannel> channels) =>
        channels.Where(c => c.Trace.Samples.Length > 0 && c.Trace.SampleRateHz > 0)
            .GroupBy(c => c.Trace.SampleRateHz)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
}
