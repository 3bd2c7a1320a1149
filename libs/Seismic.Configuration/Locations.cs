namespace Seismic.Configuration;

/// <summary>Where a setting or an option names a file, a folder or a service.</summary>
public static class Locations
{
    /// <summary>
    /// A relative path made absolute against <paramref name="baseDirectory"/>: a plain path, or the path of an
    /// sds:// or file:// URI written without the leading slash (sds://archive). Other URIs are returned as they are.
    /// </summary>
    public static string? Resolve(string? location, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(location))
            return location;

        var separator = location.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0)
            return Path.GetFullPath(location, baseDirectory);

        var scheme = location[..separator];
        var rest = location[(separator + 3)..];
        var isLocal = scheme.Equals("sds", StringComparison.OrdinalIgnoreCase) || scheme.Equals("file", StringComparison.OrdinalIgnoreCase);
        return isLocal && rest.Length > 0 && !Path.IsPathRooted(rest) ? $"{scheme}://{Path.GetFullPath(rest, baseDirectory)}" : location;
    }
}
