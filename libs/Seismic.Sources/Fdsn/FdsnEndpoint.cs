using System.Text.RegularExpressions;

namespace Seismic.Sources.Fdsn;

/// <summary>
/// Where an FDSN web-service node answers: its base URL (ending in <c>/fdsnws/</c> on a standard node) and the
/// query URLs of dataselect, station and event below it.
/// </summary>
public sealed partial record FdsnEndpoint
{
    private FdsnEndpoint(Uri baseUrl) => BaseUrl = baseUrl;

    /// <summary>The base URL, always ending in a slash: <c>http://host:port/fdsnws/</c>.</summary>
    public Uri BaseUrl { get; }

    public Uri DataselectUrl => new(BaseUrl, "dataselect/1/query");

    public Uri StationUrl => new(BaseUrl, "station/1/query");

    public Uri EventUrl => new(BaseUrl, "event/1/query");

    /// <summary>True for the schemes an FDSN node is addressed by: fdsnws, fdsnwss, fdsnws+https, http, https.</summary>
    public static bool IsFdsnScheme(string scheme) => HttpSchemeOf(scheme) is not null;

    /// <summary>
    /// Reads an address as a user writes it: <c>fdsnws://host[:port]</c> is <c>http://host[:port]/fdsnws/</c>
    /// (<c>fdsnwss://</c> or <c>fdsnws+https://</c> for https); an <c>http(s)://</c> URL is the base URL itself,
    /// with <c>/fdsnws/</c> supplied when it has no path. A URL that goes on to a service
    /// (<c>.../fdsnws/dataselect/1/query</c>, as SeisComP writes fdsnws record streams) is cut back to its base.
    /// </summary>
    /// <exception cref="FormatException">The address is not an FDSN address; the message names it and says why.</exception>
    public static FdsnEndpoint Parse(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var parts = SourceAddress.Parse(address.Trim());
        var httpScheme = HttpSchemeOf(parts.Scheme)
            ?? throw new FormatException($"{address}: not an FDSN web-service address; expected fdsnws://host[:port] or an http(s):// base URL such as https://service.iris.edu/fdsnws/");
        if (!Uri.TryCreate($"{httpScheme}://{parts.Rest}", UriKind.Absolute, out var url) || url.Host.Length == 0)
            throw new FormatException($"{address}: not a valid URL (expected a host name, and a port number after ':' if any)");
        if (url.Query.Length > 0 || url.Fragment.Length > 0)
            throw new FormatException($"{address}: give the service's base URL without a query ('?...'); the request parameters are added for each read");
        if (url.UserInfo.Length > 0)
            throw new FormatException($"{address}: credentials in the URL are not supported (restricted data through queryauth is not implemented)");

        var path = ServiceSuffix().Replace(url.AbsolutePath, "/");
        if (path == "/")
            path = "/fdsnws/";
        if (!path.EndsWith('/'))
            path += "/";
        return new FdsnEndpoint(new UriBuilder(url) { Path = path }.Uri);
    }

    public override string ToString() => BaseUrl.ToString();

    private static string? HttpSchemeOf(string scheme) => scheme.ToLowerInvariant() switch
    {
        "fdsnws" or "http" => "http",
        "fdsnwss" or "fdsnws+https" or "https" => "https",
        _ => null,
    };

    [GeneratedRegex("/(dataselect|station|event)/1(/query)?/?$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceSuffix();
}
