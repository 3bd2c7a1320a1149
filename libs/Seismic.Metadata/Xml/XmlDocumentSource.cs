using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Seismic.Metadata.Xml;

/// <summary>
/// One loaded document plus the name to put in error messages. Every required value goes through
/// here, so a missing or malformed one becomes a <see cref="MetadataFormatException"/> with file, line
/// and element path instead of a NullReferenceException somewhere in a reader.
/// </summary>
internal sealed class XmlDocumentSource
{
    // DTDs are refused: metadata files never need them, and refusing closes the XXE and
    // entity-expansion holes for files that arrive from web services.
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private XmlDocumentSource(XDocument document, string name)
    {
        Document = document;
        Name = name;
    }

    public XDocument Document { get; }

    public string Name { get; }

    public XElement Root => Document.Root ?? throw new MetadataFormatException("the document has no root element", Name, null, null, null);

    public static XmlDocumentSource Load(Stream stream, string name)
    {
        try
        {
            using var reader = XmlReader.Create(stream, Settings);
            return new XmlDocumentSource(XDocument.Load(reader, LoadOptions.SetLineInfo), name);
        }
        catch (XmlException e)
        {
            throw NotWellFormed(e, name);
        }
    }

    public static XmlDocumentSource Parse(string xml, string name)
    {
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, Settings);
            return new XmlDocumentSource(XDocument.Load(reader, LoadOptions.SetLineInfo), name);
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
        var element = at as XElement ?? at.Parent;
        var info = (IXmlLineInfo)at;
        int? line = info.HasLineInfo() ? info.LineNumber : null;
        int? column = info.HasLineInfo() ? info.LinePosition : null;
        var path = element is null ? null : PathOf(element);
        if (at is XAttribute attribute)
        {
            path += "/@" + attribute.Name.LocalName;
        }

        return new MetadataFormatException(problem, Name, path, line, column);
    }

    public string RequiredAttribute(XElement element, string name) =>
        element.Attribute(name)?.Value
        ?? throw Error(element, $"required attribute '{name}' is missing on <{element.Name.LocalName}>");

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

    public double RequiredDouble(XElement parent, XName name) => ParseDouble(RequiredChild(parent, name));

    public double? OptionalDouble(XElement parent, XName name) =>
        parent.Element(name) is { } child && child.Value.Trim().Length > 0 ? ParseDouble(child) : null;

    public double ParseDouble(XElement element)
    {
        var text = element.Value.Trim();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(element, $"'{text}' in <{element.Name.LocalName}> is not a number");
    }

    public DateTime? OptionalTimeAttribute(XElement element, string name) =>
        element.Attribute(name) is { } attribute ? ParseTime(attribute, attribute.Value) : null;

    public DateTime? OptionalTime(XElement parent, XName name) =>
        parent.Element(name) is { } child && child.Value.Trim().Length > 0 ? ParseTime(child, child.Value) : null;

    public DateTime RequiredTime(XElement parent, XName name)
    {
        var child = RequiredChild(parent, name);
        return ParseTime(child, child.Value);
    }

    /// <summary>
    /// Both formats mean UTC; web services often drop the 'Z' ("2011-03-11T05:46:24.1200"), so a
    /// time without a zone is taken as UTC, never as the machine's local time.
    /// </summary>
    public DateTime ParseTime(XObject at, string text)
    {
        var trimmed = TrimExcessFraction(text.Trim());
        return DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Error(at, $"'{text.Trim()}' is not an ISO 8601 date-time");
    }

    /// <summary>DateTime holds 100 ns ticks; xs:dateTime allows more fraction digits than that, which we drop.</summary>
    private static string TrimExcessFraction(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - dot - 1 > 7 ? text[..(dot + 8)] + text[end..] : text;
    }

    private static string PathOf(XElement element)
    {
        var parts = element.AncestorsAndSelf().Reverse().Select(Describe);
        return string.Join('/', parts);
    }

    private static string Describe(XElement element)
    {
        var code = element.Attribute("code")?.Value ?? element.Attribute("publicID")?.Value;
        return code is null ? element.Name.LocalName : $"{element.Name.LocalName}[{code}]";
    }
}
