namespace Seismic.Metadata.QuakeMl;

/// <summary>The lower-case spelling QuakeML uses for the enumerations modelled as C# enums.</summary>
internal static class QuakeMlText
{
    public static string Of<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
