using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Seismic.Metadata.Xml;

/// <summary>
/// One loaded document plus the name to put in messages. Every value goes through here, so a missing or
/// malformed one that the reader cannot do without becomes a <see cref="MetadataFormatException"/>, and one it
/// can do without becomes a <see cref="MetadataWarning"/>, both with file, line and element path, instead of
/// a NullReferenceException somewhere in a reader.
/// </summary>
internal sealed class XmlDocumentSource
{
    // DTDs are refused: metadata files never need them, and refusing closes the XXE and
    // entity-expansion holes for files that arrive from web services.
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private readonly Action<MetadataWarning>? warn;

    private XmlDocumentSource(XDocument document, string name, Action<MetadataWarning>? warn)
    {
        Document = document;
        Name = name;
        this.warn = warn;
    }

    public XDocument Document { get; }

    public string Name { get; }

    public XElement Root => Document.Root ?? throw new MetadataFormatException("the document has no root element", Name, null, null, null);

    public static XmlDocumentSource Load(Stream stream, string name, Action<MetadataWarning>? warn)
    {
        try
        {
            using var reader = XmlReader.Create(stream, Settings);
            return new XmlDocumentSource(XDocument.Load(reader, LoadOptions.SetLineInfo), name, warn);
        }
        catch (XmlException e)
        {
            throw NotWellFormed(e, name);
        }
    }

    public static XmlDocumentSource Parse(string xml, string name, Action<MetadataWarning>? warn)
    {
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, Settings);
            return new XmlDocumentSource(XDocument.Load(reader, LoadOptions.SetLineInfo), name, warn);
        }
        catch (XmlException e)
        {
            throw NotWellFormed(e, name);
        }
    }

    private static MetadataFormatException NotWellFormed(XmlException e, string name)
    {
        int? line = e.LineNumber > 0 ? e.LineNumber : null;
        int? column = e.LinePosition > 0 ? e.LinePosition : null;
        return new MetadataFormatException($"cannot be read as XML: {e.Message}", name, null, line, column, e);
    }

    public MetadataFormatException Error(XObject at, string problem)
    {
        var (path, line, column) = Locate(at);
        return new MetadataFormatException(problem, Name, path, line, column);
    }

    /// <summary>Reports something tolerated; the caller decides what the reader does instead.</summary>
    public void Warn(XObject at, string problem)
    {
        if (warn is null)
        {
            return;
        }

        var (path, line, column) = Locate(at);
        warn(new MetadataWarning(problem, Name, path, line, column));
    }

    public string RequiredAttribute(XElement element, string name) =>
        OptionalAttribute(element, name)
        ?? throw Error(element, element.Attribute(name) is null
            ? $"required attribute '{name}' is missing on <{element.Name.LocalName}>"
            : $"attribute '{name}' of <{element.Name.LocalName}> is empty");

    /// <summary>The attribute trimmed, or null when it is absent or blank.</summary>
    public static string? OptionalAttribute(XElement element, string name) =>
        element.Attribute(name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    public XElement RequiredChild(XElement parent, XName name) =>
        parent.Element(name)
        ?? throw Error(parent, $"required element <{name.LocalName}> is missing in <{parent.Name.LocalName}>");

    public string RequiredText(XElement parent, XName name)
    {
        var child = RequiredChild(parent, name);
        var text = child.Value.Trim();
        return text.Length > 0 ? text : throw Error(child, $"<{name.LocalName}> is empty");
    }

    public static string? OptionalText(XElement parent, XName name)
    {
        var text = parent.Element(name)?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>A number the reader cannot do without: missing, empty, not a number or not finite is an error.</summary>
    public double RequiredDouble(XElement parent, XName name)
    {
        var child = RequiredChild(parent, name);
        var text = child.Value.Trim();
        if (text.Length == 0)
        {
            throw Error(child, $"<{name.LocalName}> is empty");
        }

        return TryParseFinite(text, out var value)
            ? value
            : throw Error(child, $"'{text}' in <{name.LocalName}> is not a finite number");
    }

    /// <summary>
    /// A number that may be absent. An empty element, or text that is not a finite number, is left out with a
    /// warning rather than refusing the whole document, as ObsPy does.
    /// </summary>
    public double? OptionalDouble(XElement parent, XName name) =>
        parent.Element(name) is { } child ? OptionalDouble(child) : null;

    /// <param name="element">The element holding the number.</param>
    /// <param name="instead">What the reader does without the number, for the warning.</param>
    public double? OptionalDouble(XElement element, string instead = "left out")
    {
        var text = element.Value.Trim();
        if (text.Length == 0)
        {
            Warn(element, $"<{element.Name.LocalName}> is empty; {instead}");
            return null;
        }

        if (TryParseFinite(text, out var value))
        {
            return value;
        }

        Warn(element, $"'{text}' in <{element.Name.LocalName}> is not a finite number; {instead}");
        return null;
    }

    public static bool TryParseFinite(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>An epoch bound: absent is open, but one that cannot be read is an error, since taking it as open would make the wrong epoch active.</summary>
    public DateTime? OptionalTimeAttribute(XElement element, string name) =>
        element.Attribute(name) is { } attribute && attribute.Value.Trim().Length > 0 ? ParseTime(attribute, attribute.Value) : null;

    public DateTime RequiredTime(XElement parent, XName name)
    {
        var child = RequiredChild(parent, name);
        return ParseTime(child, child.Value);
    }

    /// <summary>A time the reader can do without: absent, empty or unreadable is null, with a warning for the unreadable.</summary>
    public DateTime? TolerantTime(XElement element)
    {
        var text = element.Value.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (IsoTime.TryParse(text, out var time))
        {
            return time;
        }

        Warn(element, $"'{text}' in <{element.Name.LocalName}> is not an ISO 8601 date-time; left out");
        return null;
    }

    /// <summary>See <see cref="IsoTime"/> for the forms accepted; no zone means UTC.</summary>
    public DateTime ParseTime(XObject at, string text) =>
        IsoTime.TryParse(text, out var time)
            ? time
            : throw Error(at, $"'{text.Trim()}' is not an ISO 8601 date-time");

    private (string? Path, int? Line, int? Column) Locate(XObject at)
    {
        var element = at as XElement ?? at.Parent;
        var info = (IXmlLineInfo)at;
        int? line = info.HasLineInfo() ? info.LineNumber : null;
        int? column = info.HasLineInfo() ? info.LinePosition : null;
        var path = element is null ? null : PathOf(element);
        if (at is XAttribute attribute)
        {
            path += "/@" + attribute.Name.LocalName;
        }

        return (path, line, column);
    }

    private static string PathOf(XElement element)
    {
        var parts = element.AncestorsAndSelf().Reverse().Select(Describe);
        return string.Join('/', parts);
    }

    /// <summary>Channels carry their location code too: a station can have 00.BHZ and 10.BHZ.</summary>
    private static string Describe(XElement element)
    {
        var code = element.Attribute("code")?.Value ?? element.Attribute("publicID")?.Value;
        if (code is not null && element.Attribute("locationCode")?.Value is { } location && !string.IsNullOrWhiteSpace(location))
        {
            code = $"{location.Trim()}.{code}";
        }

        return code is null ? element.Name.LocalName : $"{element.Name.LocalName}[{code}]";
    }
}
