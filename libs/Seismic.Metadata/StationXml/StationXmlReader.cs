using System.Xml.Linq;
using Seismic.Metadata.Xml;

namespace Seismic.Metadata.StationXml;

/// <summary>
/// Reads FDSN StationXML 1.0, 1.1 and 1.2 down to channel level: epochs, coordinates, orientation,
/// sample rate and overall sensitivity. Response stages are not modelled; the beamformer and the
/// classifier work on sensitivity-corrected or raw counts, never on full deconvolution.
/// </summary>
public static class StationXmlReader
{
    /// <summary>All 1.x documents share this namespace; the version is told by schemaVersion.</summary>
    public const string Namespace = "http://www.fdsn.org/xml/station/1";

    public static IReadOnlyList<string> SupportedVersions { get; } = ["1.0", "1.1", "1.2"];

    private static readonly XNamespace Ns = Namespace;

    public static Inventory ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static Inventory Read(Stream stream, string sourceName) =>
        ReadDocument(XmlDocumentSource.Load(stream, sourceName));

    public static Inventory Parse(string xml, string sourceName = "StationXML text") =>
        ReadDocument(XmlDocumentSource.Parse(xml, sourceName));

    private static Inventory ReadDocument(XmlDocumentSource source)
    {
        var root = source.Root;
        if (root.Name != Ns + "FDSNStationXML")
        {
            throw source.Error(root, $"expected root element <FDSNStationXML> in namespace {Namespace}, found <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'");
        }

        var version = source.RequiredAttribute(root, "schemaVersion").Trim();
        if (!SupportedVersions.Contains(version))
        {
            throw source.Error(root.Attribute("schemaVersion")!, $"StationXML schema version {version} is not supported (supported: {string.Join(", ", SupportedVersions)})");
        }

        return new Inventory
        {
            SchemaVersion = version,
            Source = source.RequiredText(root, Ns + "Source"),
            CreatedUtc = source.RequiredTime(root, Ns + "Created"),
            Networks = root.Elements(Ns + "Network").Select(n => ReadNetwork(source, n)).ToList(),
        };
    }

    private static Network ReadNetwork(XmlDocumentSource source, XElement element)
    {
        var code = source.RequiredAttribute(element, "code");
        return new Network
        {
            Code = code,
            Description = XmlDocumentSource.OptionalText(element, Ns + "Description"),
            StartUtc = source.OptionalTimeAttribute(element, "startDate"),
            EndUtc = source.OptionalTimeAttribute(element, "endDate"),
            Stations = element.Elements(Ns + "Station").Select(s => ReadStation(source, s, code)).ToList(),
        };
    }

    private static Station ReadStation(XmlDocumentSource source, XElement element, string networkCode)
    {
        var code = source.RequiredAttribute(element, "code");
        return new Station
        {
            NetworkCode = networkCode,
            Code = code,
            StartUtc = source.OptionalTimeAttribute(element, "startDate"),
            EndUtc = source.OptionalTimeAttribute(element, "endDate"),
            LatitudeDeg = source.RequiredDouble(element, Ns + "Latitude"),
            LongitudeDeg = source.RequiredDouble(element, Ns + "Longitude"),
            ElevationM = source.RequiredDouble(element, Ns + "Elevation"),
            SiteName = element.Element(Ns + "Site") is { } site ? XmlDocumentSource.OptionalText(site, Ns + "Name") : null,
            Channels = element.Elements(Ns + "Channel").Select(c => ReadChannel(source, c, networkCode, code)).ToList(),
        };
    }

    private static Channel ReadChannel(XmlDocumentSource source, XElement element, string networkCode, string stationCode)
    {
        // locationCode is required by the schema, but files without it exist and mean a blank
        // location (ObsPy reads them the same way). The value is kept verbatim, spaces included.
        var location = element.Attribute("locationCode")?.Value ?? "";
        return new Channel
        {
            Id = new ChannelId(networkCode, stationCode, location, source.RequiredAttribute(element, "code")),
            StartUtc = source.OptionalTimeAttribute(element, "startDate"),
            EndUtc = source.OptionalTimeAttribute(element, "endDate"),
            LatitudeDeg = source.RequiredDouble(element, Ns + "Latitude"),
            LongitudeDeg = source.RequiredDouble(element, Ns + "Longitude"),
            ElevationM = source.RequiredDouble(element, Ns + "Elevation"),
            DepthM = source.RequiredDouble(element, Ns + "Depth"),
            AzimuthDeg = source.OptionalDouble(element, Ns + "Azimuth"),
            DipDeg = source.OptionalDouble(element, Ns + "Dip"),
            SampleRateHz = ReadSampleRate(source, element),
            Sensitivity = element.Element(Ns + "Response")?.Element(Ns + "InstrumentSensitivity") is { } sensitivity
                ? ReadSensitivity(source, sensitivity)
                : null,
        };
    }

    /// <summary>SampleRate wins; SampleRateRatio (samples per seconds) is the schema's alternative spelling of the same thing.</summary>
    private static double? ReadSampleRate(XmlDocumentSource source, XElement channel)
    {
        if (source.OptionalDouble(channel, Ns + "SampleRate") is { } rate)
        {
            return rate;
        }

        if (channel.Element(Ns + "SampleRateRatio") is { } ratio)
        {
            var samples = source.RequiredDouble(ratio, Ns + "NumberSamples");
            var seconds = source.RequiredDouble(ratio, Ns + "NumberSeconds");
            return seconds == 0 ? null : samples / seconds;
        }

        return null;
    }

    private static InstrumentSensitivity ReadSensitivity(XmlDocumentSource source, XElement element) => new()
    {
        Value = source.OptionalDouble(element, Ns + "Value"),
        FrequencyHz = source.OptionalDouble(element, Ns + "Frequency"),
        InputUnits = source.RequiredText(source.RequiredChild(element, Ns + "InputUnits"), Ns + "Name"),
        OutputUnits = source.RequiredText(source.RequiredChild(element, Ns + "OutputUnits"), Ns + "Name"),
    };
}
