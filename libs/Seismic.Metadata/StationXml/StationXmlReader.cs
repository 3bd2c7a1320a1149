using System.Globalization;
using System.Xml.Linq;
using Seismic.Metadata.Xml;

namespace Seismic.Metadata.StationXml;

/// <summary>
/// Reads FDSN StationXML down to channel level: epochs, coordinates, orientation, sample rate and overall
/// sensitivity. Response stages are not modelled; the beamformer and the classifier work on
/// sensitivity-corrected or raw counts, never on full deconvolution.
/// </summary>
/// <remarks>
/// Documents are read as data centres and converters really write them, with ObsPy as the yardstick: a
/// file ObsPy reads, this reader reads. A value Seismic does not use never refuses a document; where the
/// reader has to leave out, replace or guess something it reports a <see cref="MetadataWarning"/>. Refused
/// (a <see cref="MetadataFormatException"/> naming the element and line) is only what would make a value
/// Seismic uses wrong or missing: a network, station or channel without its code, a station without a
/// readable latitude or longitude (sites are placed by station coordinates), an epoch bound that cannot be
/// read (taking it as open would make the wrong epoch active), and XML that is not well-formed.
/// Elements and attributes the model does not carry, in the StationXML namespace (a newer schema's) or any
/// other (vendor extensions such as iris:), are skipped without a word: the schema allows both.
/// </remarks>
public static class StationXmlReader
{
    /// <summary>All 1.x documents share this namespace; the version is told by schemaVersion.</summary>
    public const string Namespace = "http://www.fdsn.org/xml/station/1";

    /// <summary>The versions whose rules this reader follows; others are read by the same rules, with a warning.</summary>
    public static IReadOnlyList<string> SupportedVersions { get; } = ["1.0", "1.1", "1.2"];

    private const string NamespacePrefix = "http://www.fdsn.org/xml/station/";

    /// <param name="path">The StationXML file.</param>
    /// <param name="warn">Called once for every tolerated problem; null to ignore them.</param>
    /// <exception cref="MetadataFormatException">The document cannot be read, or lacks a value Seismic needs.</exception>
    public static Inventory ReadFile(string path, Action<MetadataWarning>? warn = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path, warn);
    }

    /// <inheritdoc cref="ReadFile" />
    /// <param name="stream">The document.</param>
    /// <param name="sourceName">The name messages give the document.</param>
    /// <param name="warn">Called once for every tolerated problem; null to ignore them.</param>
    public static Inventory Read(Stream stream, string sourceName, Action<MetadataWarning>? warn = null) =>
        new DocumentReader(XmlDocumentSource.Load(stream, sourceName, warn)).Read();

    /// <inheritdoc cref="ReadFile" />
    /// <param name="xml">The document.</param>
    /// <param name="sourceName">The name messages give the document.</param>
    /// <param name="warn">Called once for every tolerated problem; null to ignore them.</param>
    public static Inventory Parse(string xml, string sourceName = "StationXML text", Action<MetadataWarning>? warn = null) =>
        new DocumentReader(XmlDocumentSource.Parse(xml, sourceName, warn)).Read();

    private sealed class DocumentReader(XmlDocumentSource source)
    {
        private XNamespace ns = Namespace;

        public Inventory Read()
        {
            var root = source.Root;
            if (root.Name.LocalName != "FDSNStationXML")
            {
                throw source.Error(root, $"expected root element <FDSNStationXML> in namespace {Namespace}, found <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'");
            }

            // Content is read in the root's namespace: 1.x documents all use .../station/1, and a later
            // major version or a namespace-less converter file is better read with a warning than refused.
            ns = root.Name.Namespace;
            if (root.Name.NamespaceName != Namespace)
            {
                source.Warn(root, root.Name.NamespaceName.StartsWith(NamespacePrefix, StringComparison.Ordinal)
                    ? $"namespace {root.Name.NamespaceName} is not StationXML 1 ({Namespace}); read by the 1.2 rules"
                    : $"<FDSNStationXML> is in namespace '{root.Name.NamespaceName}', not {Namespace}; read by element names");
            }

            var version = ReadVersion(root);
            return new Inventory
            {
                SchemaVersion = version,
                Source = ReadSource(root),
                CreatedUtc = ReadCreated(root),
                Networks = root.Elements(ns + "Network").Select(ReadNetwork).ToList(),
            };
        }

        /// <summary>
        /// "1" and "1.0" are the same version (ObsPy compares them as numbers). An unknown version is read by
        /// the 1.2 rules with a warning, as ObsPy does: the elements Seismic reads have not changed since 1.0.
        /// </summary>
        private string? ReadVersion(XElement root)
        {
            var attribute = root.Attribute("schemaVersion");
            var version = attribute?.Value.Trim();
            if (string.IsNullOrEmpty(version))
            {
                source.Warn(root, "schemaVersion is missing; read by the 1.2 rules");
                return null;
            }

            var known = decimal.TryParse(version, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                && SupportedVersions.Any(v => decimal.Parse(v, CultureInfo.InvariantCulture) == number);
            if (!known)
            {
                source.Warn(attribute!, $"StationXML schema version {version} is not one this reader knows ({string.Join(", ", SupportedVersions)}); read by the 1.2 rules");
            }

            return version;
        }

        private string? ReadSource(XElement root)
        {
            if (XmlDocumentSource.OptionalText(root, ns + "Source") is { } text)
            {
                return text;
            }

            source.Warn(root.Element(ns + "Source") ?? root, "<Source> is missing or empty (the schema requires it; nothing in Seismic uses it)");
            return null;
        }

        private DateTime? ReadCreated(XElement root)
        {
            if (root.Element(ns + "Created") is not { } created || created.Value.Trim().Length == 0)
            {
                source.Warn(root.Element(ns + "Created") ?? root, "<Created> is missing or empty (the schema requires it; nothing in Seismic uses it)");
                return null;
            }

            return source.TolerantTime(created);
        }

        private Network ReadNetwork(XElement element)
        {
            var code = source.RequiredAttribute(element, "code");
            return new Network
            {
                Code = code,
                Description = XmlDocumentSource.OptionalText(element, ns + "Description"),
                StartUtc = source.OptionalTimeAttribute(element, "startDate"),
                EndUtc = source.OptionalTimeAttribute(element, "endDate"),
                Stations = element.Elements(ns + "Station").Select(s => ReadStation(s, code)).ToList(),
            };
        }

        private Station ReadStation(XElement element, string networkCode)
        {
            var code = source.RequiredAttribute(element, "code");
            var station = new Station
            {
                NetworkCode = networkCode,
                Code = code,
                StartUtc = source.OptionalTimeAttribute(element, "startDate"),
                EndUtc = source.OptionalTimeAttribute(element, "endDate"),
                LatitudeDeg = StationCoordinate(element, "Latitude"),
                LongitudeDeg = StationCoordinate(element, "Longitude"),
                ElevationM = OptionalValue(element, DistanceElement(element, "Elevation"), "Elevation",
                    "the station's elevation is unknown (beams use horizontal positions only)"),
                SiteName = element.Element(ns + "Site") is { } site ? XmlDocumentSource.OptionalText(site, ns + "Name") : null,
                Channels = [],
            };
            return station with { Channels = element.Elements(ns + "Channel").Select(c => ReadChannel(c, station)).ToList() };
        }

        /// <summary>Sites are placed by their station coordinates, so a station without them cannot be used and is refused by name.</summary>
        private double StationCoordinate(XElement station, string name)
        {
            if (CoordinateElement(station, name) is not { } element)
            {
                throw source.Error(station, $"required element <{name}> is missing in <Station>; the station's position is needed to place it in the array");
            }

            var text = element.Value.Trim();
            return XmlDocumentSource.TryParseFinite(text, out var value)
                ? value
                : throw source.Error(element, $"'{text}' in <{name}> of station {station.Attribute("code")?.Value} is not a finite number; the station's position is needed to place it in the array");
        }

        private Channel ReadChannel(XElement element, Station station)
        {
            // locationCode is required by the schema, but files without it exist and mean a blank
            // location (ObsPy reads them the same way). The value is kept verbatim, spaces included.
            var location = element.Attribute("locationCode")?.Value ?? "";
            var code = source.RequiredAttribute(element, "code");
            return new Channel
            {
                Id = new ChannelId(station.NetworkCode, station.Code, location, code),
                StartUtc = source.OptionalTimeAttribute(element, "startDate"),
                EndUtc = source.OptionalTimeAttribute(element, "endDate"),
                LatitudeDeg = ChannelCoordinate(element, "Latitude", station.LatitudeDeg),
                LongitudeDeg = ChannelCoordinate(element, "Longitude", station.LongitudeDeg),
                ElevationM = ChannelElevation(element, station.ElevationM),
                DepthM = ChannelDepth(element),
                AzimuthDeg = source.OptionalDouble(element, ns + "Azimuth"),
                DipDeg = source.OptionalDouble(element, ns + "Dip"),
                SampleRateHz = ReadSampleRate(element),
                Sensitivity = element.Element(ns + "Response")?.Element(ns + "InstrumentSensitivity") is { } sensitivity
                    ? ReadSensitivity(sensitivity)
                    : null,
            };
        }

        /// <summary>
        /// Channel coordinates are required by the schema, but data centres serve channels without them (INGV's
        /// empty &lt;Channel&gt;). ObsPy drops such a channel; Seismic keeps it, for its orientation, at its
        /// station's position, which is where the array geometry places it anyway.
        /// </summary>
        private double ChannelCoordinate(XElement channel, string name, double stationValue) =>
            OptionalValue(channel, CoordinateElement(channel, name), name, $"the station's {name.ToLowerInvariant()} is used") ?? stationValue;

        private double? ChannelElevation(XElement channel, double? stationElevation) =>
            OptionalValue(channel, DistanceElement(channel, "Elevation"), "Elevation",
                stationElevation is null ? "the channel's elevation is unknown" : "the station's elevation is used") ?? stationElevation;

        private double? ChannelDepth(XElement channel) =>
            OptionalValue(channel, DistanceElement(channel, "Depth"), "Depth", "the sensor's depth is unknown");

        /// <summary>The number, or null with one warning that says what is wrong and what the reader does instead.</summary>
        private double? OptionalValue(XElement parent, XElement? element, string name, string instead)
        {
            if (element is not null)
            {
                return source.OptionalDouble(element, instead);
            }

            source.Warn(parent, $"<{name}> is missing; {instead}");
            return null;
        }

        /// <summary>
        /// A latitude or longitude element, whatever attributes it carries. The schema fixes the unit (DEGREES)
        /// and Seismic projects with WGS84; anything else written there is reported, the number used as is.
        /// </summary>
        private XElement? CoordinateElement(XElement parent, string name)
        {
            if (parent.Element(ns + name) is not { } element)
            {
                return null;
            }

            CheckUnit(element, "DEGREES");
            if (XmlDocumentSource.OptionalAttribute(element, "datum") is { } datum && !IsWgs84(datum))
            {
                source.Warn(element, $"datum '{datum}' is not WGS84; the value is used as WGS84");
            }

            return element;
        }

        private XElement? DistanceElement(XElement parent, string name)
        {
            if (parent.Element(ns + name) is not { } element)
            {
                return null;
            }

            CheckUnit(element, "m");
            return element;
        }

        private void CheckUnit(XElement element, string expected)
        {
            if (XmlDocumentSource.OptionalAttribute(element, "unit") is { } unit && !IsUnit(unit, expected))
            {
                source.Warn(element, $"unit '{unit}' of <{element.Name.LocalName}> is not {expected}, the schema's fixed unit; the value is used as {expected}");
            }
        }

        /// <summary>"WGS84", "WGS 84", "wgs-84": one datum however it is spelled.</summary>
        private static bool IsWgs84(string datum) =>
            string.Concat(datum.Where(char.IsAsciiLetterOrDigit)).Equals("WGS84", StringComparison.OrdinalIgnoreCase);

        private static bool IsUnit(string unit, string expected) =>
            unit.Equals(expected, StringComparison.OrdinalIgnoreCase)
            || (expected == "m" && (unit.Equals("METERS", StringComparison.OrdinalIgnoreCase) || unit.Equals("METRES", StringComparison.OrdinalIgnoreCase)))
            || (expected == "DEGREES" && unit.Equals("DEG", StringComparison.OrdinalIgnoreCase));

        /// <summary>SampleRate wins; SampleRateRatio (samples per seconds) is the schema's alternative spelling of the same thing.</summary>
        private double? ReadSampleRate(XElement channel)
        {
            if (source.OptionalDouble(channel, ns + "SampleRate") is { } rate)
            {
                return rate;
            }

            if (channel.Element(ns + "SampleRateRatio") is not { } ratio)
            {
                return null;
            }

            var samples = source.OptionalDouble(ratio, ns + "NumberSamples");
            var seconds = source.OptionalDouble(ratio, ns + "NumberSeconds");
            if (samples is null || seconds is null or 0)
            {
                source.Warn(ratio, "<SampleRateRatio> lacks a number of samples or a non-zero number of seconds; the sample rate is unknown");
                return null;
            }

            return samples / seconds;
        }

        /// <summary>
        /// Value and Frequency are left out by IRIS for polynomial responses, and units by some converters; all
        /// are optional here. A gain whose units or frequency are missing cannot be fully interpreted, so that
        /// is reported.
        /// </summary>
        private InstrumentSensitivity ReadSensitivity(XElement element)
        {
            var sensitivity = new InstrumentSensitivity
            {
                Value = source.OptionalDouble(element, ns + "Value"),
                FrequencyHz = source.OptionalDouble(element, ns + "Frequency"),
                InputUnits = element.Element(ns + "InputUnits") is { } input ? XmlDocumentSource.OptionalText(input, ns + "Name") : null,
                OutputUnits = element.Element(ns + "OutputUnits") is { } output ? XmlDocumentSource.OptionalText(output, ns + "Name") : null,
            };
            if (sensitivity.Value is not null)
            {
                var missing = new[]
                {
                    sensitivity.InputUnits is null ? "<InputUnits>" : null,
                    sensitivity.OutputUnits is null ? "<OutputUnits>" : null,
                    sensitivity.FrequencyHz is null ? "<Frequency>" : null,
                }.OfType<string>().ToList();
                if (missing.Count > 0)
                {
                    source.Warn(element, $"the sensitivity has a value but no {string.Join(" or ", missing)}; read without");
                }
            }

            return sensitivity;
        }
    }
}
