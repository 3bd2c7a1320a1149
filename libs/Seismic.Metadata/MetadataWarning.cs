namespace Seismic.Metadata;

/// <summary>
/// Something in a StationXML or QuakeML document that the reader tolerated instead of refusing: a value it
/// had to leave out, replace or guess, or a schema version it does not know. Located like a
/// <see cref="MetadataFormatException"/> (file, line, element path), so an analyst can find and fix it.
/// </summary>
/// <param name="Problem">What was found and what the reader did about it, without the location.</param>
/// <param name="SourceName">The file path, or the name the caller gave a stream or string.</param>
/// <param name="ElementPath">Where in the document, e.g. <c>FDSNStationXML/Network[NO]/Station[ARA0]/Channel[BHZ]</c>.</param>
/// <param name="LineNumber">1-based line of the element or attribute, when known.</param>
/// <param name="LinePosition">1-based column, when known.</param>
public sealed record MetadataWarning(string Problem, string SourceName, string? ElementPath, int? LineNumber, int? LinePosition)
{
    /// <summary>"file, line L, column C, at path: problem", as a log line.</summary>
    public string Message => MetadataLocation.Compose(Problem, SourceName, ElementPath, LineNumber, LinePosition);

    public override string ToString() => Message;
}
