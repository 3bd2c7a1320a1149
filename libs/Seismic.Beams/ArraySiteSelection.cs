using Seismic.Configuration;
using Seismic.Metadata.StationXml;
using Seismic.Waveforms.Selection;

namespace Seismic.Beams;

/// <summary>
/// An array as a set of sites chosen from an inventory: the stations whose network and station codes match
/// SEED wildcard patterns (<c>*</c> any run of characters, <c>?</c> one), as array.network and
/// array.station_pattern name them. An inventory often holds more than the array (a data centre's whole
/// network, a reference station nearby), and a site that is not part of the array ruins its beams.
/// </summary>
public sealed class ArraySiteSelection
{
    private readonly SeedPattern network;
    private readonly SeedPattern station;

    /// <param name="networkPattern">Network code pattern, e.g. "NO" or "*".</param>
    /// <param name="stationPattern">Station code pattern, e.g. "AR*".</param>
    public ArraySiteSelection(string networkPattern, string stationPattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkPattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(stationPattern);
        network = new SeedPattern(networkPattern.Trim());
        station = new SeedPattern(stationPattern.Trim());
    }

    /// <summary>Every station of the inventory.</summary>
    public static ArraySiteSelection Everything { get; } = new("*", "*");

    /// <summary>The configured array: array.network and array.station_pattern.</summary>
    public static ArraySiteSelection Of(ArraySettings array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return new ArraySiteSelection(array.Network, array.StationPattern);
    }

    public string NetworkPattern => network.Text;

    public string StationPattern => station.Text;

    public bool Matches(string networkCode, string stationCode) => network.Matches(networkCode) && station.Matches(stationCode);

    /// <summary>The selected stations whose network and station epochs contain the time, in document order.</summary>
    public IReadOnlyList<Station> StationsAt(Inventory inventory, DateTime timeUtc)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return inventory.StationsActiveAt(timeUtc).Where(s => Matches(s.NetworkCode, s.Code)).ToList();
    }

    /// <summary>What to read for the selected stations: one selection per station, any location, the given channel pattern.</summary>
    public IReadOnlyList<ChannelSelection> Channels(Inventory inventory, DateTime timeUtc, string channelPattern) =>
        StationsAt(inventory, timeUtc)
            .Select(s => new ChannelSelection(s.NetworkCode, s.Code, "*", channelPattern))
            .Distinct()
            .ToList();

    /// <summary>NET.STA patterns, e.g. "NO.AR*".</summary>
    public override string ToString() => $"{NetworkPattern}.{StationPattern}";
}
