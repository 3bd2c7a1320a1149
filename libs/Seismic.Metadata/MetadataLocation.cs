namespace Seismic.Metadata;

/// <summary>The one way errors and warnings about a metadata document say where they are.</summary>
internal static class MetadataLocation
{
    public static string Compose(string problem, string sourceName, string? elementPath, int? lineNumber, int? linePosition)
    {
        var where = sourceName;
        if (lineNumber is not null)
        {
            where += $", line {lineNumber}";
            if (linePosition is not null)
            {
                where += $", column {linePosition}";
            }
        }

        if (elementPath is not null)
        {
            where += $", at {elementPath}";
        }

        return $"{where}: {problem}";
    }
}
