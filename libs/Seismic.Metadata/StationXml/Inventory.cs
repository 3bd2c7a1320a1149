namespace Seismic.Metadata.StationXml;

/// <summary>The content of one FDSN StationXML document.</summary>
public sealed record Inventory
{
    /// <summary>schemaVersion as written ("1.0", "1.1", "1.2", but also "1" or "2.0"); null when the document has none.</summary>
    public required string? SchemaVersion { get; init; }

    /// <summary>The institution that produced the document; null when it is missing or empty (converters write &lt;Source/&gt;).</summary>
    public required string? Source { get; init; }

    /// <summary>When the document was made; null when it is missing or cannot be read (nothing in the pipeline needs it).</summary>
    public required DateTime? CreatedUtc { get; init; }

    public required IReadOnlyList<Network> Networks { get; init; }

    /// <summary>Every channel epoch in document order.</summary>
    public IEnumerable<Channel> AllChannels() =>
        Networks.SelectMany(n => n.Stations).SelectMany(s => s.Channels);

    /// <summary>Channel epochs whose network, station and channel epochs all contain the time.</summary>
    public IReadOnlyList<Channel> ChannelsActiveAt(DateTime timeUtc) =>
        Networks.Where(n => n.IsActiveAt(timeUtc))
            .SelectMany(n => n.Stations)
            .Where(s => s.IsActiveAt(timeUtc))
            .SelectMany(s => s.Channels)
            .Where(c => c.IsActiveAt(timeUtc))
            .ToList();

    /// <summary>Stations whose network and station epochs contain the time.</summary>
    public IReadOnlyList<Station> StationsActiveAt(DateTime timeUtc) =>
        Networks.Where(n => n.IsActiveAt(timeUtc))
            .SelectMany(n => n.Stations)
            .Where(s => s.IsActiveAt(timeUtc))
            .ToList();

    /// <summary>All epochs of a channel; a blank location in <paramref name="id"/> finds "", "--" and "  " alike.</summary>
    public IReadOnlyList<Channel> FindChannels(ChannelId id) =>
        AllChannels().Where(c => c.Id.Matches(id)).ToList();

    /// <summary>
    /// The epoch of a channel active at a time, or null. An exact location match wins over a
    /// blank-equivalent one, so an inventory that has both "" and "  " still answers unambiguously.
    /// </summary>
    public Channel? FindChannel(ChannelId id, DateTime timeUtc)
    {
        var active = ChannelsActiveAt(timeUtc).Where(c => c.Id.Matches(id)).ToList();
        return active.FirstOrDefault(c => c.Id == id) ?? active.FirstOrDefault();
    }

    /// <summary>As <see cref="FindChannel(ChannelId, DateTime)"/> for "NET.STA.LOC.CHA".</summary>
    public Channel? FindChannel(string id, DateTime timeUtc) => FindChannel(ChannelId.Parse(id), timeUtc);
}
