namespace Seismic.Metadata;

/// <summary>
/// A StationXML or QuakeML document that cannot be read: not well-formed XML, the wrong root element,
/// an unsupported schema version, or a missing or unparsable required value. The message names the
/// source (file name), the line and column, and the element path, so an analyst can open the file at
/// the right place.
/// </summary>
public sealed class MetadataFormatException : Exception
{
    public MetadataFormatException(string problem, string sourceName, string? elementPath, int? lineNumber, int? linePosition, Exception? innerException = null)
        : base(MetadataLocation.Compose(problem, sourceName, elementPath, lineNumber, linePosition), innerException)
    {
        Problem = problem;
        SourceName = sourceName;
        ElementPath = elementPath;
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file path, or the name the caller gave a stream or string.</summary>
    public string SourceName { get; }

    /// <summary>Where in the document, e.g. <c>FDSNStationXML/Network[CN]/Station[YKB0]/Channel[SHZ]/Latitude</c>; null when the XML itself is broken.</summary>
    public string? ElementPath { get; }

    /// <summary>1-based line of the offending element or attribute, when known.</summary>
    public int? LineNumber { get; }

    /// <summary>1-based column of the offending element or attribute, when known.</summary>
    public int? LinePosition { get; }
}
