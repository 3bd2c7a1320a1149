using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Seismic.SeedLink.Protocol;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;
using Seismic.Waveforms.Traces;

namespace Seismic.SeedLink.Server;

/// <summary>
/// INFO answers: protocol 3 as XML in the shape SeisComP's seedlink and ringserver give (carried in miniSEED
/// log records), protocol 4 as JSON (format 'J', subformat 'I').
/// </summary>
internal static class InfoDocuments
{
    public const string Software = "Seismic replay";

    private static readonly MiniSeed2WriteOptions LogRecords = new() { RecordLengthBytes = PacketCodec.Version3RecordBytes };

    /// <summary>The levels answered; others get an error naming these.</summary>
    public static readonly string[] Levels = ["ID", "CAPABILITIES", "STATIONS", "STREAMS", "CONNECTIONS"];

    public static string Xml(string level, ArchiveReplay replay, string organization, int connections)
    {
        var root = new XElement("seedlink",
            new XAttribute("software", Software),
            new XAttribute("organization", organization),
            new XAttribute("started", Time(replay.StartUtc)));
        if (level == "CAPABILITIES")
        {
            foreach (var capability in new[] { "dialup", "multistation", "window-extraction", "info:id", "info:capabilities", "info:stations", "info:streams", "info:connections" })
                root.Add(new XElement("capability", new XAttribute("name", capability)));
        }
        else if (level is "STATIONS" or "STREAMS")
        {
            foreach (var station in Stations(replay))
            {
                var element = new XElement("station",
                    new XAttribute("name", station.Station), new XAttribute("network", station.Network),
                    new XAttribute("description", ""),
                    new XAttribute("begin_seq", station.FirstSequence.ToString("X6", CultureInfo.InvariantCulture)),
                    new XAttribute("end_seq", station.NextSequence.ToString("X6", CultureInfo.InvariantCulture)),
                    new XAttribute("stream_check", "enabled"));
                if (level == "STREAMS")
                {
                    foreach (var stream in station.Streams)
                    {
                        element.Add(new XElement("stream",
                            new XAttribute("location", stream.Id.Location), new XAttribute("seedname", stream.Id.Channel), new XAttribute("type", "D"),
                            new XAttribute("begin_time", Time(stream.FirstUtc)), new XAttribute("end_time", Time(stream.LastUtc))));
                    }
                }
                root.Add(element);
            }
        }
        else if (level == "CONNECTIONS")
        {
            root.Add(new XElement("connections", new XAttribute("count", connections)));
        }
        return root.ToString(SaveOptions.DisableFormatting);
    }

    public static string Json(string level, ArchiveReplay replay, string organization, int connections)
    {
        var document = new Dictionary<string, object?>
        {
            ["software"] = Software,
            ["organization"] = organization,
            ["started"] = Time(replay.StartUtc),
        };
        if (level == "CAPABILITIES")
            document["capability"] = new[] { "dialup", "multistation", "window-extraction", "info:id", "info:capabilities", "info:stations", "info:streams", "info:connections" };
        else if (level is "STATIONS" or "STREAMS")
        {
            document["station"] = Stations(replay).Select(station => new Dictionary<string, object?>
            {
                ["id"] = $"{station.Network}_{station.Station}",
                ["description"] = "",
                ["start_seq"] = station.FirstSequence,
                ["end_seq"] = station.NextSequence,
                ["stream"] = level == "STREAMS"
                    ? station.Streams.Select(s => new Dictionary<string, object?>
                    {
                        ["id"] = StreamId(s.Id),
                        ["format"] = "3",
                        ["subformat"] = "D",
                        ["start_time"] = Time(s.FirstUtc),
                        ["end_time"] = Time(s.LastUtc),
                    }).ToList()
                    : null,
            }).ToList();
        }
        else if (level == "CONNECTIONS")
            document["connections"] = connections;
        return JsonSerializer.Serialize(document);
    }

    /// <summary>Protocol 4's answer to an INFO it cannot give: the "error" property with a code and a description.</summary>
    public static string Error(string code, string message) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["software"] = Software,
        ["error"] = new Dictionary<string, string> { ["code"] = code, ["message"] = message },
    });

    /// <summary>Protocol 3: the XML as ASCII in 512-byte miniSEED log records, each framed "SLINFO *" but the last.</summary>
    public static IEnumerable<byte[]> Version3Packets(string xml)
    {
        var text = Encoding.ASCII.GetBytes(xml);
        var segment = TraceSegment.FromText(SourceId.FromSeed("SL", "INFO", "", "LOG"), NanoTime.FromDateTime(DateTime.UtcNow), text);
        var records = MiniSeedReader.Read(MiniSeed2Writer.ToBytes(segment, LogRecords)).Records;
        for (var i = 0; i < records.Count; i++)
            yield return PacketCodec.EncodeVersion3Info(records[i].RawBytes.Span, moreFollows: i < records.Count - 1);
    }

    /// <summary>LOC_B_S_SS, the stream id protocol 4 uses.</summary>
    public static string StreamId(SourceId id)
    {
        var channel = id.Channel;
        return channel.Length == 3 ? $"{id.Location}_{channel[0]}_{channel[1]}_{channel[2]}" : $"{id.Location}_{channel}";
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffff'Z'", CultureInfo.InvariantCulture);

    private sealed record StationSummary(string Network, string Station, ulong FirstSequence, ulong NextSequence, IReadOnlyList<StreamSummary> Streams);

    private sealed record StreamSummary(SourceId Id, DateTime FirstUtc, DateTime LastUtc);

    private static List<StationSummary> Stations(ArchiveReplay replay)
    {
        var released = replay.Ring.Snapshot().Select(p => p.Packet).ToList();
        return replay.Channels.GroupBy(c => (c.Id.Network, c.Id.Station)).Select(station =>
        {
            var packets = released.Where(p => p.Channel.Network == station.Key.Network && p.Channel.Station == station.Key.Station).ToList();
            var streams = station.Select(c =>
            {
                var own = packets.Where(p => p.Channel.Equals(c.Id)).ToList();
                return own.Count == 0
                    ? new StreamSummary(c.Id, c.FirstDayUtc, c.FirstDayUtc)
                    : new StreamSummary(c.Id, own[0].StartTime.ToDateTime(), own[^1].EndTime.ToDateTime());
            }).ToList();
            return new StationSummary(station.Key.Network, station.Key.Station,
                packets.Count == 0 ? 0 : packets[0].Sequence, packets.Count == 0 ? 1 : packets[^1].Sequence + 1, streams);
        }).ToList();
    }
}
