using System.Xml.Linq;
using Seismic.Metadata.Xml;

namespace Seismic.Metadata.QuakeMl;

/// <summary>
/// Reads QuakeML 1.2: events with their origins (and arrivals), magnitudes and picks. Elements the
/// model does not carry (focal mechanisms, amplitudes, comments, uncertainties) are skipped, and
/// element order is not enforced, because real catalogs (USGS ComCat, IRIS) do not follow it.
/// </summary>
public static class QuakeMlReader
{
    public static Catalog ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static Catalog Read(Stream stream, string sourceName) =>
        ReadDocument(XmlDocumentSource.Load(stream, sourceName));

    public static Catalog Parse(string xml, string sourceName = "QuakeML text") =>
        ReadDocument(XmlDocumentSource.Parse(xml, sourceName));

    private static Catalog ReadDocument(XmlDocumentSource source)
    {
        var root = source.Root;
        XNamespace content = root.Name.NamespaceName switch
        {
            QuakeMlNamespaces.Document => QuakeMlNamespaces.BasicEventDescription,
            QuakeMlNamespaces.LegacyNeries => QuakeMlNamespaces.LegacyNeries,
            _ => throw source.Error(root, $"expected root element <quakeml> in namespace {QuakeMlNamespaces.Document}, found <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'"),
        };
        if (root.Name.LocalName != "quakeml")
        {
            throw source.Error(root, $"expected root element <quakeml>, found <{root.Name.LocalName}>");
        }

        var parameters = source.RequiredChild(root, content + "eventParameters");
        var reader = new EventReader(source, content);
        return new Catalog
        {
            PublicId = source.RequiredAttribute(parameters, "publicID"),
            Events = parameters.Elements(content + "event").Select(reader.ReadEvent).ToList(),
        };
    }

    private sealed class EventReader(XmlDocumentSource source, XNamespace ns)
    {
        public SeismicEvent ReadEvent(XElement element) => new()
        {
            PublicId = source.RequiredAttribute(element, "publicID"),
            Type = XmlDocumentSource.OptionalText(element, ns + "type"),
            TypeCertainty = ReadEnum<EventTypeCertainty>(element, "typeCertainty"),
            PreferredOriginId = XmlDocumentSource.OptionalText(element, ns + "preferredOriginID"),
            PreferredMagnitudeId = XmlDocumentSource.OptionalText(element, ns + "preferredMagnitudeID"),
            Descriptions = element.Elements(ns + "description").Select(ReadDescription).ToList(),
            Origins = element.Elements(ns + "origin").Select(ReadOrigin).ToList(),
            Magnitudes = element.Elements(ns + "magnitude").Select(ReadMagnitude).ToList(),
            Picks = element.Elements(ns + "pick").Select(ReadPick).ToList(),
        };

        private EventDescription ReadDescription(XElement element) => new()
        {
            Text = source.RequiredText(element, ns + "text"),
            Type = XmlDocumentSource.OptionalText(element, ns + "type"),
        };

        private Origin ReadOrigin(XElement element) => new()
        {
            PublicId = source.RequiredAttribute(element, "publicID"),
            TimeUtc = source.RequiredTime(source.RequiredChild(element, ns + "time"), ns + "value"),
            LatitudeDeg = RequiredQuantity(element, "latitude"),
            LongitudeDeg = RequiredQuantity(element, "longitude"),
            DepthM = OptionalQuantity(element, "depth"),
            EvaluationMode = ReadEnum<EvaluationMode>(element, "evaluationMode"),
            Arrivals = element.Elements(ns + "arrival").Select(ReadArrival).ToList(),
        };

        private Arrival ReadArrival(XElement element) => new()
        {
            PublicId = source.RequiredAttribute(element, "publicID"),
            PickId = source.RequiredText(element, ns + "pickID"),
            Phase = source.RequiredText(element, ns + "phase"),
            AzimuthDeg = source.OptionalDouble(element, ns + "azimuth"),
            DistanceDeg = source.OptionalDouble(element, ns + "distance"),
            TimeResidualS = source.OptionalDouble(element, ns + "timeResidual"),
            TimeWeight = source.OptionalDouble(element, ns + "timeWeight"),
        };

        private Magnitude ReadMagnitude(XElement element) => new()
        {
            PublicId = source.RequiredAttribute(element, "publicID"),
            Value = RequiredQuantity(element, "mag"),
            Type = XmlDocumentSource.OptionalText(element, ns + "type"),
            OriginId = XmlDocumentSource.OptionalText(element, ns + "originID"),
        };

        private Pick ReadPick(XElement element) => new()
        {
            PublicId = source.RequiredAttribute(element, "publicID"),
            TimeUtc = source.RequiredTime(source.RequiredChild(element, ns + "time"), ns + "value"),
            WaveformId = ReadWaveformId(source.RequiredChild(element, ns + "waveformID")),
            PhaseHint = XmlDocumentSource.OptionalText(element, ns + "phaseHint"),
            BackazimuthDeg = OptionalQuantity(element, "backazimuth"),
            HorizontalSlownessSPerDeg = OptionalQuantity(element, "horizontalSlowness"),
            EvaluationMode = ReadEnum<EvaluationMode>(element, "evaluationMode"),
        };

        private WaveformStreamId ReadWaveformId(XElement element) => new()
        {
            NetworkCode = source.RequiredAttribute(element, "networkCode"),
            StationCode = source.RequiredAttribute(element, "stationCode"),
            LocationCode = element.Attribute("locationCode")?.Value,
            ChannelCode = element.Attribute("channelCode")?.Value,
            ResourceUri = element.Value.Trim() is { Length: > 0 } uri ? uri : null,
        };

        /// <summary>QuakeML quantities are wrapped: &lt;latitude&gt;&lt;value&gt;49.8&lt;/value&gt;...&lt;/latitude&gt;.</summary>
        private double RequiredQuantity(XElement parent, string name) =>
            source.RequiredDouble(source.RequiredChild(parent, ns + name), ns + "value");

        private double? OptionalQuantity(XElement parent, string name) =>
            parent.Element(ns + name) is { } quantity ? source.RequiredDouble(quantity, ns + "value") : null;

        private T? ReadEnum<T>(XElement parent, string name)
            where T : struct, Enum
        {
            if (parent.Element(ns + name) is not { } child)
            {
                return null;
            }

            var text = child.Value.Trim();
            var match = Enum.GetValues<T>().Where(v => QuakeMlText.Of(v) == text).Select(v => (T?)v).FirstOrDefault();
            return match ?? throw source.Error(child, $"'{text}' is not a valid <{name}> (expected one of: {string.Join(", ", Enum.GetValues<T>().Select(v => QuakeMlText.Of(v)))})");
        }
    }
}
