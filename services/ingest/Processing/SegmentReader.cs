using Seismic.Configuration;
using Seismic.Metadata.StationXml;
using Seismic.Sources;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Selection;
using Seismic.Waveforms.Time;

namespace Seismic.Ingest.Processing;

/// <summary>How much of one channel a segment holds, from the record headers (nothing is decoded).</summary>
/// <param name="SourceId">FDSN source identifier.</param>
/// <param name="SampleRateHz">Rate of the channel's first record.</param>
/// <param name="SampleCount">Samples inside the segment.</param>
/// <param name="GapSeconds">Time inside the segment no record covers.</param>
public sealed record ChannelCoverage(string SourceId, double SampleRateHz, int SampleCount, double GapSeconds);

/// <summary>One segment as read: the records (with window.edge_s beyond both ends), what each channel holds, and what is missing.</summary>
public sealed record SegmentData(byte[] MiniSeed, IReadOnlyList<ChannelCoverage> Channels, IReadOnlyList<string> MissingChannels, IReadOnlyList<string> Problems)
{
    public bool IsEmpty => Channels.Count == 0;
}

/// <summary>
/// Reads a segment of the array's channels from a waveform source: network, station pattern and the channel
/// pattern of the segment's era (array.*), over the segment plus window.edge_s on each side, which the taper
/// and filters consume. The channels the inventory expects that did not come are listed as missing.
/// </summary>
public sealed class SegmentReader(ArraySettings array, double edgeSeconds)
{
    /// <summary>Every channel of the array's sites, whatever their era's code: what an inventory is asked for.</summary>
    public ChannelSelection ArrayChannels { get; } = new(array.Network, array.StationPattern, "*", "*");

    public async Task<SegmentData> Read(IWaveformSource source, DateTime startUtc, DateTime endUtc, Inventory? inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var selection = new ChannelSelection(array.Network, array.StationPattern, "*", array.ChannelPatternAt(startUtc));
        var read = await source.ReadAsync([selection], startUtc.AddSeconds(-edgeSeconds), endUtc.AddSeconds(edgeSeconds), cancellationToken);
        var records = MiniSeedReader.Read(read.MiniSeed).Records.Where(r => r.SampleCount > 0 && r.SampleRateHz > 0).ToList();
        var coverage = Coverage(records, NanoTime.FromDateTime(startUtc), NanoTime.FromDateTime(endUtc));

        var present = coverage.Select(c => SourceId.Parse(c.SourceId).SeedCode).ToHashSet(StringComparer.Ordinal);
        var missing = inventory is null
            ? []
            : inventory.ChannelsActiveAt(startUtc)
                .Where(c => selection.MatchesNetwork(c.Id.Network) && selection.MatchesStation(c.Id.Station) && selection.MatchesChannel(c.Id.Channel))
                .Select(c => c.Id.ToString())
                .Where(id => !present.Contains(id))
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
        return new SegmentData(read.MiniSeed, coverage, missing, read.Problems);
    }

    /// <summary>Per channel: samples inside [from, to] and the time there that no record covers.</summary>
    private static List<ChannelCoverage> Coverage(IReadOnlyList<MiniSeedRecord> records, NanoTime from, NanoTime to)
    {
        var spanNs = (double)(to - from);
        var result = new List<ChannelCoverage>();
        foreach (var channel in records.GroupBy(r => r.SourceId).OrderBy(g => g.Key.Fdsn, StringComparer.Ordinal))
        {
            var rateHz = channel.First().SampleRateHz;
            var periodNs = (long)Math.Round(NanoTime.NanosecondsPerSecond / rateHz);
            long covered = 0;
            var samples = 0;
            var reachedNs = from.NanosecondsSinceEpoch;
            foreach (var record in channel.OrderBy(r => r.StartTime))
            {
                // A record covers its samples and the period after its last one.
                var start = Math.Max(record.StartTime.NanosecondsSinceEpoch, reachedNs);
                var end = Math.Min(record.EndTime.NanosecondsSinceEpoch + periodNs, to.NanosecondsSinceEpoch);
                if (end > start)
                {
                    covered += end - start;
                    reachedNs = end;
                }
                samples += SamplesInside(record, from, to);
            }
            var gapSeconds = Math.Max(0, spanNs - covered) / NanoTime.NanosecondsPerSecond;
            result.Add(new ChannelCoverage(channel.Key.Fdsn, rateHz, samples, Math.Round(gapSeconds, 3)));
        }
        return result.Where(c => c.SampleCount > 0).ToList();
    }

    private static int SamplesInside(MiniSeedRecord record, NanoTime from, NanoTime to)
    {
        if (record.EndTime < from || record.StartTime > to)
            return 0;
        var periodNs = NanoTime.NanosecondsPerSecond / record.SampleRateHz;
        var skipped = record.StartTime < from ? (int)Math.Ceiling((from - record.StartTime) / periodNs) : 0;
        var cut = record.EndTime > to ? (int)Math.Ceiling((record.EndTime - to) / periodNs) : 0;
        return Math.Max(0, record.SampleCount - skipped - cut);
    }
}
