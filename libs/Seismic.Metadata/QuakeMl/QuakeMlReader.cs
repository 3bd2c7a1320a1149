using System.Xml.Linq;
using Seismic.Metadata.Xml;

namespace Seismic.Metadata.QuakeMl;

/// <summary>
/// Reads QuakeML 1.2: events with their origins (and arrivals), magnitudes and picks. Elements the
/// model does not carry (focal mechanisms, amplitudes, comments, uncertainties) are skipped, and
/// element order is not enforced, because real catalogs (USGS ComCat, IRIS) do not follow it.
/// </summary>
/// <remarks>
/// Catalogs are read as agencies and converters really write them, with ObsPy as the yardstick. Content is
/// read in whatever namespace &lt;eventParameters&gt; uses (as ObsPy does): QuakeML 1.2 BED and BED-RT and
/// the NERIES pre-1.2 namespace without a word, any other with a warning. Resource identifiers are taken as
/// written (trimmed), whatever their form; a missing one is made up as <c>smi:local/...</c> with a warning.
/// One broken part never loses the catalog: an origin without a readable time or position, a pick without
/// a time or a station, an arrival without its pick or phase, a magnitude without a value are left out with
/// a <see cref="MetadataWarning"/> naming them and their line, and an event without an origin is read with a
/// warning (Seismic then places it by its picks only). An unknown enumeration value is read as unknown,
/// with a warning. Refused are only documents that are not XML or hold no &lt;eventParameters&gt;.
/// </remarks>
public static class QuakeMlReader
{
    private static readonly HashSet<string> KnownContentNamespaces = new(StringComparer.Ordinal)
    {
        QuakeMlNamespaces.BasicEventDescription, QuakeMlNamespaces.RealTimeBasicEventDescription, QuakeMlNamespaces.LegacyNeries,
    };

    /// <param name="path">The QuakeML file.</param>
    /// <param name="warn">Called once for every tolerated problem; null to ignore them.</param>
    /// <exception cref="MetadataFormatException">The document is not XML or holds no eventParameters.</exception>
    public static Catalog ReadFile(string path, Action<MetadataWarning>? warn = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path, warn);
    }

    /// <inheritdoc cref="ReadFile" />
    /// <param name="stream">The document.</param>
    /// <param name="sourceName">The name messages give the document.</param>
    /// <param name="warn">Called once for every tolerated problem; null to ignore them.</param>
    public static Catalog Read(Stream stream, string sourceName, Action<MetadataWarning>? warn = null) =>
        ReadDocument(XmlDocumentSource.Load(stream, sourceName, warn));

    /// <inheritdoc cref="ReadFile" />
    /// <param name="xml">The document.</param>
    /// <param name="sourceName">The name messages give the document.</param>
    /// <param name="warn">Called once for every tolerated problem; null to ignore them.</param>
    public static Catalog Parse(string xml, string sourceName = "QuakeML text", Action<MetadataWarning>? warn = null) =>
        ReadDocument(XmlDocumentSource.Parse(xml, sourceName, warn));

    private static Catalog ReadDocument(XmlDocumentSource source)
    {
        var parameters = FindEventParameters(source);
        XNamespace content = parameters.Name.Namespace;
        if (!KnownContentNamespaces.Contains(content.NamespaceName))
        {
            source.Warn(parameters, $"namespace '{content.NamespaceName}' is not QuakeML 1.2 ({QuakeMlNamespaces.BasicEventDescription}); read by the 1.2 element names");
        }

        var reader = new EventReader(source, content);
        return new Catalog
        {
            PublicId = reader.PublicId(parameters),
            Events = parameters.Elements(content + "event").Select(reader.ReadEvent).ToList(),
        };
    }

    /// <summary>&lt;quakeml&gt;'s &lt;eventParameters&gt; in any namespace, or a bare &lt;eventParameters&gt; document.</summary>
    private static XElement FindEventParameters(XmlDocumentSource source)
    {
        var root = source.Root;
        if (root.Name.LocalName == "eventParameters")
        {
            source.Warn(root, "the document is a bare <eventParameters> without the <quakeml> wrapper; read as is");
            return root;
        }

        if (root.Name.LocalName != "quakeml")
        {
            throw source.Error(root, $"expected root element <quakeml> in namespace {QuakeMlNamespaces.Document}, found <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'");
        }

        return root.Elements().FirstOrDefault(e => e.Name.LocalName == "eventParameters")
            ?? throw source.Error(root, "required element <eventParameters> is missing in <quakeml>");
    }

    private sealed class EventReader(XmlDocumentSource source, XNamespace ns)
    {
        private readonly Dictionary<string, int> unnamed = new(StringComparer.Ordinal);

        /// <summary>
        /// publicID as written but trimmed, so that preferredOriginID finds its origin. A missing one is made up
        /// (ObsPy does the same), as <c>smi:local/&lt;element&gt;/unnamed-N</c> so that it is valid for the writer
        /// and reads as made up.
        /// </summary>
        public string PublicId(XElement element)
        {
            if (XmlDocumentSource.OptionalAttribute(element, "publicID") is { } id)
            {
                return id;
            }

            var name = element.Name.LocalName;
            var number = unnamed[name] = unnamed.GetValueOrDefault(name) + 1;
            var madeUp = $"smi:local/{name}/unnamed-{number}";
            source.Warn(element, $"<{name}> has no publicID; called {madeUp}");
            return madeUp;
        }

        public SeismicEvent ReadEvent(XElement element)
        {
            var id = PublicId(element);
            var quake = new SeismicEvent
            {
                PublicId = id,
                Type = XmlDocumentSource.OptionalText(element, ns + "type"),
                TypeCertainty = ReadEnum<EventTypeCertainty>(element, "typeCertainty"),
                PreferredOriginId = XmlDocumentSource.OptionalText(element, ns + "preferredOriginID"),
                PreferredMagnitudeId = XmlDocumentSource.OptionalText(element, ns + "preferredMagnitudeID"),
                Descriptions = element.Elements(ns + "description").Select(ReadDescription).OfType<EventDescription>().ToList(),
                Comments = element.Elements(ns + "comment").Select(c => XmlDocumentSource.OptionalText(c, ns + "text")).OfType<string>().ToList(),
                Origins = element.Elements(ns + "origin").Select(ReadOrigin).OfType<Origin>().ToList(),
                Magnitudes = element.Elements(ns + "magnitude").Select(ReadMagnitude).OfType<Magnitude>().ToList(),
                Picks = element.Elements(ns + "pick").Select(ReadPick).OfType<Pick>().ToList(),
            };
            if (quake.Origins.Count == 0)
            {
                source.Warn(element, $"event {id} has no usable origin: its time and place are unknown, so only its picks can place it");
            }
            else if (quake.PreferredOriginId is { } preferred && quake.Origins.All(o => o.PublicId != preferred))
            {
                source.Warn(element, $"event {id} names preferred origin {preferred}, which is not among its usable origins; {quake.PreferredOrigin!.PublicId} is used");
            }

            return quake;
        }

        private EventDescription? ReadDescription(XElement element)
        {
            if (XmlDocumentSource.OptionalText(element, ns + "text") is not { } text)
            {
                source.Warn(element, "<description> has no <text>; left out");
                return null;
            }

            return new EventDescription { Text = text, Type = XmlDocumentSource.OptionalText(element, ns + "type") };
        }

        private Origin? ReadOrigin(XElement element)
        {
            var id = PublicId(element);
            var time = QuantityTime(element, "time");
            var latitude = Quantity(element, "latitude");
            var longitude = Quantity(element, "longitude");
            if (time is null || latitude is null || longitude is null)
            {
                source.Warn(element, $"origin {id} has no readable {Missing((time, "time"), (latitude, "latitude"), (longitude, "longitude"))}; left out");
                return null;
            }

            return new Origin
            {
                PublicId = id,
                TimeUtc = time.Value,
                LatitudeDeg = latitude.Value,
                LongitudeDeg = longitude.Value,
                DepthM = Quantity(element, "depth"),
                EvaluationMode = ReadEnum<EvaluationMode>(element, "evaluationMode"),
                Arrivals = element.Elements(ns + "arrival").Select(ReadArrival).OfType<Arrival>().ToList(),
            };
        }

        private Arrival? ReadArrival(XElement element)
        {
            var id = PublicId(element);
            var pickId = XmlDocumentSource.OptionalText(element, ns + "pickID");
            var phase = XmlDocumentSource.OptionalText(element, ns + "phase");
            if (pickId is null || phase is null)
            {
                source.Warn(element, $"arrival {id} has no {Missing((pickId, "<pickID>"), (phase, "<phase>"))}; left out");
                return null;
            }

            return new Arrival
            {
                PublicId = id,
                PickId = pickId,
                Phase = phase,
                AzimuthDeg = source.OptionalDouble(element, ns + "azimuth"),
                DistanceDeg = source.OptionalDouble(element, ns + "distance"),
                TimeResidualS = source.OptionalDouble(element, ns + "timeResidual"),
                TimeWeight = source.OptionalDouble(element, ns + "timeWeight"),
            };
        }

        private Magnitude? ReadMagnitude(XElement element)
        {
            var id = PublicId(element);
            if (Quantity(element, "mag") is not { } value)
            {
                source.Warn(element, $"magnitude {id} has no readable <mag>; left out");
                return null;
            }

            return new Magnitude
            {
                PublicId = id,
                Value = value,
                Type = XmlDocumentSource.OptionalText(element, ns + "type"),
                OriginId = XmlDocumentSource.OptionalText(element, ns + "originID"),
            };
        }

        private Pick? ReadPick(XElement element)
        {
            var id = PublicId(element);
            var time = QuantityTime(element, "time");
            var waveform = element.Element(ns + "waveformID") is { } stream ? ReadWaveformId(stream, id) : null;
            if (time is null || waveform is null)
            {
                source.Warn(element, $"pick {id} has no readable {Missing((time, "time"), (waveform, "<waveformID> with network and station codes"))}; left out");
                return null;
            }

            return new Pick
            {
                PublicId = id,
                TimeUtc = time.Value,
                WaveformId = waveform,
                PhaseHint = XmlDocumentSource.OptionalText(element, ns + "phaseHint"),
                BackazimuthDeg = Quantity(element, "backazimuth"),
                HorizontalSlownessSPerDeg = Quantity(element, "horizontalSlowness"),
                EvaluationMode = ReadEnum<EvaluationMode>(element, "evaluationMode"),
            };
        }

        private WaveformStreamId? ReadWaveformId(XElement element, string pickId)
        {
            var network = XmlDocumentSource.OptionalAttribute(element, "networkCode");
            var station = XmlDocumentSource.OptionalAttribute(element, "stationCode");
            if (network is null || station is null)
            {
                source.Warn(element, $"the waveformID of pick {pickId} has no {Missing((network, "'networkCode'"), (station, "'stationCode'"))}");
                return null;
            }

            return new WaveformStreamId
            {
                NetworkCode = network,
                StationCode = station,
                LocationCode = element.Attribute("locationCode")?.Value,
                ChannelCode = XmlDocumentSource.OptionalAttribute(element, "channelCode"),
                ResourceUri = element.Value.Trim() is { Length: > 0 } uri ? uri : null,
            };
        }

        private static string Missing(params (object? Value, string Name)[] parts) =>
            string.Join(" or ", parts.Where(p => p.Value is null).Select(p => p.Name));

        /// <summary>QuakeML quantities are wrapped: &lt;latitude&gt;&lt;value&gt;49.8&lt;/value&gt;...&lt;/latitude&gt;. Absent, empty or unreadable is null.</summary>
        private double? Quantity(XElement parent, string name) =>
            parent.Element(ns + name)?.Element(ns + "value") is { } value ? source.OptionalDouble(value) : null;

        private DateTime? QuantityTime(XElement parent, string name) =>
            parent.Element(ns + name)?.Element(ns + "value") is { } value ? source.TolerantTime(value) : null;

        private T? ReadEnum<T>(XElement parent, string name)
            where T : struct, Enum
        {
            if (parent.Element(ns + name) is not { } child || child.Value.Trim() is not { Length: > 0 } text)
            {
                return null;
            }

            var match = Enum.GetValues<T>().Where(v => QuakeMlText.Of(v) == text).Select(v => (T?)v).FirstOrDefault();
            if (match is null)
            {
                source.Warn(child, $"'{text}' is not a valid <{name}> (expected one of: {string.Join(", ", Enum.GetValues<T>().Select(v => QuakeMlText.Of(v)))}); read as unknown");
            }

            return match;
        }
    }
}
