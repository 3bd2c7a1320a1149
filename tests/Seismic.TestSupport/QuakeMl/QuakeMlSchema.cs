using System.Xml;
using System.Xml.Schema;

namespace Seismic.TestSupport.QuakeMl;

/// <summary>Validates a file against the QuakeML 1.2 schema (the XSD copied beside this class; see SOURCE.md).</summary>
public static class QuakeMlSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    /// <summary>Every schema error and warning in the file, with its line; empty when the file is valid QuakeML 1.2.</summary>
    public static IReadOnlyList<string> Validate(string path)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
            problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(path, settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    private static XmlSchemaSet Load()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "Seismic.TestSupport", "QuakeMl");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add("http://quakeml.org/xmlns/bed/1.2", Path.Combine(folder, "QuakeML-BED-1.2.xsd"));
        set.Add("http://quakeml.org/xmlns/quakeml/1.2", Path.Combine(folder, "QuakeML-1.2.xsd"));
        set.Compile();
        return set;
    }
}
