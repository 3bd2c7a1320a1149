using Seismic.Waveforms.MiniSeed;

namespace Seismic.Waveforms.Selection;

/// <summary>
/// Which channels to read: network, station, location and channel codes, each a SEED wildcard pattern, as an
/// FDSN dataselect request or a SeedLink SELECT names them. An empty location is the blank location ("--" in
/// FDSN requests); "*" is any location.
/// </summary>
public sealed record ChannelSelection
{
    private readonly SeedPattern _network;
    private readonly SeedPattern _station;
    private readonly SeedPattern _location;
    private readonly SeedPattern _channel;

    public ChannelSelection(string network, string station, string location, string channel)
    {
        _network = new SeedPattern(network);
        _station = new SeedPattern(station);
        _location = new SeedPattern(location.Trim() == "--" ? "" : location.Trim());
        _channel = new SeedPattern(channel);
    }

    public string Network => _network.Text;

    public string Station => _station.Text;

    public string Location => _location.Text;

    public string Channel => _channel.Text;

    /// <summary>Exactly one channel.</summary>
    public static ChannelSelection Of(SourceId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new ChannelSelection(id.Network, id.Station, id.Location, id.Channel);
    }

    public bool MatchesNetwork(string network) => _network.Matches(network);

    public bool MatchesStation(string station) => _station.Matches(station);

    public bool MatchesLocation(string location) => _location.Matches(location);

    public bool MatchesChannel(string channel) => _channel.Matches(channel);

    public bool Matches(SourceId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _network.Matches(id.Network) && _station.Matches(id.Station) && _location.Matches(id.Location) && _channel.Matches(id.Channel);
    }

    /// <summary>NET.STA.LOC.CHA with "--" for a blank location, as FDSN services write it.</summary>
    public override string ToString() => $"{Network}.{Station}.{(Location.Length == 0 ? "--" : Location)}.{Channel}";

    public bool Equals(ChannelSelection? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
