using Seismic.Metadata.StationXml;
using Seismic.Signal.Hygiene;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.Beams;

/// <summary>
/// Turns a segment's miniSEED (all channels of the array) and the array's inventory into an
/// <see cref="ArraySegment"/>: one trace per channel with NaN in its gaps, the sensor orientation from
/// StationXML, and every problem met on the way as a sentence.
/// </summary>
public static class ArraySegmentBuilder
{
    /// <param name="miniSeed">The segment's records, miniSEED 2 or 3, any order.</param>
    /// <param name="inventory">The array's sites and channels.</param>
    /// <param name="startUtc">First beam sample; the data should reach edge_s before it.</param>
    /// <param name="endUtc">Last beam sample; the data should reach edge_s after it.</param>
    /// <param name="edgeSeconds">window.edge_s: every channel is cut to [start - edge, end + edge], so whole records
    /// as a source stores them can be passed in, and what lies outside (a gap hours away) changes nothing.</param>
    /// <param name="hint">The known event, if any.</param>
    /// <param name="missingChannels">Channels the ingest expected but did not get, reported as warnings.</param>
    public static ArraySegment Build(
        ReadOnlyMemory<byte> miniSeed, ArrayInventory inventory, DateTime startUtc, DateTime endUtc, double edgeSeconds,
        BackAzimuthHint? hint, IReadOnlyList<string> missingChannels)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var problems = missingChannels.Select(c => $"{c}: did not arrive before the deadline.").ToList();
        var read = MiniSeedReader.Read(miniSeed);
        var dataStart = NanoTime.FromDateTime(startUtc.AddSeconds(-edgeSeconds));
        var dataEnd = NanoTime.FromDateTime(endUtc.AddSeconds(edgeSeconds));
        var assembly = TraceAssembler.Assemble(read.Records.Where(r => r.EndTime >= dataStart && r.StartTime <= dataEnd), earlierProblems: read.Problems)
            .Cut(dataStart, dataEnd.AddNanoseconds(1));
        problems.AddRange(assembly.Problems.Select(p => $"miniSEED: {p}."));

        var sites = inventory.SitesAt(startUtc);
        var siteNames = sites.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var channels = new List<SensorChannel>();
        foreach (var pieces in assembly.Segments.Where(s => s.SampleCount > 0 && s.SampleRateHz > 0).GroupBy(s => s.SourceId))
        {
            var id = pieces.Key;
            if (!siteNames.Contains(id.Station))
            {
                problems.Add($"{id.SeedCode}: station {id.Station} is not one of the array's sites in the inventory; not used.");
                continue;
            }

            var trace = Join(id, pieces.ToList(), problems);
            if (Orientation(inventory, id, startUtc, problems) is { } orientation)
            {
                channels.Add(new SensorChannel(id.Station, trace, orientation.AzimuthDeg, orientation.DipDeg));
            }
        }

        return new ArraySegment
        {
            StartUtc = startUtc,
            EndUtc = endUtc,
            Sites = sites,
            Channels = channels,
            Hint = hint,
            KnownProblems = problems,
        };
    }

    /// <summary>One trace from the first to the last sample of a channel, NaN in the gaps; overlapping samples keep the first value.</summary>
    private static SignalTrace Join(SourceId id, List<TraceSegment> pieces, List<string> problems)
    {
        var first = pieces[0];
        var rateHz = first.SampleRateHz;
        var sameRate = pieces.Where(p => Math.Abs(p.SampleRateHz - rateHz) <= 1e-6 * rateHz).ToList();
        if (sameRate.Count < pieces.Count)
        {
            problems.Add($"{id.SeedCode}: {pieces.Count - sameRate.Count} pieces at a rate other than {rateHz} Hz; not used.");
        }

        var startUtc = first.StartTime.ToDateTime();
        var last = sameRate.Max(p => p.EndTime);
        var count = (int)Math.Round((last - first.StartTime) / 1e9 * rateHz) + 1;
        var samples = new double[count];
        Array.Fill(samples, double.NaN);
        foreach (var piece in sameRate)
        {
            var offset = (int)Math.Round((piece.StartTime - first.StartTime) / 1e9 * rateHz);
            var values = piece.ToDoubleArray();
            for (var i = 0; i < values.Length; i++)
            {
                var k = offset + i;
                if (k >= 0 && k < count && double.IsNaN(samples[k]))
                {
                    samples[k] = values[i];
                }
            }
        }

        var glitches = Glitches.Clean(samples, rateHz);
        if (glitches.SpikesRemoved > 0)
        {
            problems.Add($"{id.SeedCode}: {glitches.SpikesRemoved} spikes (one or two samples over {Glitches.SpikeSigmas} times the noise) replaced by their neighbours.");
        }

        if (glitches.DeadSamples > 0)
        {
            problems.Add($"{id.SeedCode}: {glitches.DeadSamples / rateHz:F1} s of exact zeros (a stopped digitiser) taken as missing.");
        }

        return new SignalTrace(id.SeedCode, startUtc, rateHz, samples);
    }

    /// <summary>
    /// The StationXML azimuth and dip; without them, the orientation the SEED channel code implies (Z, N, E),
    /// with a warning, since a sensor off north then goes unnoticed; other codes cannot be placed and are skipped.
    /// </summary>
    private static (double AzimuthDeg, double DipDeg)? Orientation(ArrayInventory inventory, SourceId id, DateTime timeUtc, List<string> problems)
    {
        if (inventory.OrientationOf(new ChannelId(id.Network, id.Station, id.Location, id.Channel), timeUtc) is { } known)
        {
            return known;
        }

        (double, double)? implied = char.ToUpperInvariant(id.Channel.LastOrDefault()) switch
        {
            'Z' => (0.0, -90.0),
            'N' => (0.0, 0.0),
            'E' => (90.0, 0.0),
            _ => null,
        };
        problems.Add(implied is null
            ? $"{id.SeedCode}: no azimuth and dip in the inventory and none implied by the code; not used."
            : $"{id.SeedCode}: no azimuth and dip in the inventory; assumed from the channel code.");
        return implied;
    }
}
