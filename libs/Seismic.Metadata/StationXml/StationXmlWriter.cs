using System.Globalization;
using System.Xml.Linq;

namespace Seismic.Metadata.StationXml;

/// <summary>
/// Writes an <see cref="Inventory"/> as FDSN StationXML 1.2: the networks, stations and channels with
/// everything <see cref="StationXmlReader"/> reads (epochs, coordinates, orientation, sample rate, overall
/// sensitivity), elements in the schema's order. Response stages are not part of the model, so not written.
/// Values a read document lacked stay out where the schema allows it; where it requires them (Source,
/// Created, Elevation, Depth, units) the writer puts what says "unknown" least wrongly, noted at each place.
/// </summary>
public static class StationXmlWriter
{
    private static readonly XNamespace Ns = StationXmlReader.Namespace;

    public static void WriteFile(Inventory inventory, string path) => ToDocument(inventory).Save(path);

    public static string ToXml(Inventory inventory) => ToDocument(inventory).ToString();

    public static XDocument ToDocument(Inventory inventory) => new(
        new XDeclaration("1.0", "UTF-8", null),
        new XElement(Ns + "FDSNStationXML",
            new XAttribute("schemaVersion", "1.2"),
            // Source and Created are required; an inventory read without them is written as made now, by Seismic.
            new XElement(Ns + "Source", inventory.Source ?? "Seismic"),
            new XElement(Ns + "Created", Time(inventory.CreatedUtc ?? DateTime.UtcNow)),
            inventory.Networks.Select(NetworkElement)));

    private static XElement NetworkElement(Network network) => new(Ns + "Network",
        new XAttribute("code", network.Code),
        Epoch(network.StartUtc, network.EndUtc),
        network.Description is { } description ? new XElement(Ns + "Description", description) : null,
        network.Stations.Select(StationElement));

    private static XElement StationElement(Station station) => new(Ns + "Station",
        new XAttribute("code", station.Code),
        Epoch(station.StartUtc, station.EndUtc),
        new XElement(Ns + "Latitude", Number(station.LatitudeDeg)),
        new XElement(Ns + "Longitude", Number(station.LongitudeDeg)),
        Optional("Elevation", station.ElevationM),
        // Site is required by the schema even when its name is unknown.
        new XElement(Ns + "Site", new XElement(Ns + "Name", station.SiteName ?? station.Code)),
        station.Channels.Select(ChannelElement));

    private static XElement ChannelElement(Channel channel) => new(Ns + "Channel",
        new XAttribute("code", channel.Code),
        new XAttribute("locationCode", channel.LocationCode),
        Epoch(channel.StartUtc, channel.EndUtc),
        new XElement(Ns + "Latitude", Number(channel.LatitudeDeg)),
        new XElement(Ns + "Longitude", Number(channel.LongitudeDeg)),
        Optional("Elevation", channel.ElevationM),
        Optional("Depth", channel.DepthM),
        channel.AzimuthDeg is { } azimuth ? new XElement(Ns + "Azimuth", Number(azimuth)) : null,
        channel.DipDeg is { } dip ? new XElement(Ns + "Dip", Number(dip)) : null,
        channel.SampleRateHz is { } rate ? new XElement(Ns + "SampleRate", Number(rate)) : null,
        channel.Sensitivity is { } sensitivity ? new XElement(Ns + "Response", SensitivityElement(sensitivity)) : null);

    private static XElement SensitivityElement(InstrumentSensitivity sensitivity) => new(Ns + "InstrumentSensitivity",
        sensitivity.Value is { } value ? new XElement(Ns + "Value", Number(value)) : null,
        sensitivity.FrequencyHz is { } frequency ? new XElement(Ns + "Frequency", Number(frequency)) : null,
        sensitivity.InputUnits is { } input ? new XElement(Ns + "InputUnits", new XElement(Ns + "Name", input)) : null,
        sensitivity.OutputUnits is { } output ? new XElement(Ns + "OutputUnits", new XElement(Ns + "Name", output)) : null);

    private static IEnumerable<XAttribute> Epoch(DateTime? startUtc, DateTime? endUtc)
    {
        if (startUtc is { } start)
            yield return new XAttribute("startDate", Time(start));
        if (endUtc is { } end)
            yield return new XAttribute("endDate", Time(end));
    }

    /// <summary>
    /// Elevation and Depth are required by the schema, but writing 0 for an unknown value would state a
    /// position nobody measured; they are left out instead (StationXmlReader reads such files; ObsPy drops those channels).
    /// </summary>
    private static XElement? Optional(string name, double? value) => value is { } v ? new XElement(Ns + name, Number(v)) : null;

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Shortest text that reads back to the same double.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
