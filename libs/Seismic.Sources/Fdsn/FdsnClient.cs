using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Polly.Timeout;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;
using Seismic.Waveforms.Selection;

namespace Seismic.Sources.Fdsn;

/// <summary>
/// A client of one FDSN web-service node (dataselect, station and event, version 1). Transient failures are
/// retried as <see cref="FdsnClientOptions"/> says; "no data" (HTTP 204, or an empty answer) is an empty result;
/// every other failure is an exception whose message names the request URL, the HTTP status and the start of
/// the server's error text, where FDSN services explain what they refused. Safe to use from several threads.
/// </summary>
public sealed class FdsnClient : IDisposable
{
    /// <summary>How much of a server's error text a message quotes: FDSN services put the reason in the first lines.</summary>
    private const int ErrorExcerptChars = 300;

    private readonly HttpClient _http;

    /// <exception cref="ArgumentException">The options cannot be used; the message lists why.</exception>
    public FdsnClient(FdsnEndpoint endpoint, FdsnClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        Options = options ?? FdsnClientOptions.Default;
        var problems = Options.FindProblems();
        if (problems.Count > 0)
            throw new ArgumentException($"FDSN client options for {endpoint}: {string.Join(" ", problems)}", nameof(options));

        // The resilience pipeline owns every timeout; HttpClient's own would cut it short with a vaguer message.
        _http = new HttpClient(FdsnResilience.CreateHandler(Options)) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.TryParseAdd(Options.UserAgent);
    }

    public FdsnEndpoint Endpoint { get; }

    public FdsnClientOptions Options { get; }

    /// <summary>
    /// The miniSEED records of the selected channels in [<paramref name="startUtc"/>, <paramref name="endUtc"/>],
    /// asked for with one POST to dataselect. Records come back whole, as the server stores them.
    /// </summary>
    /// <returns>The records concatenated; empty when the server has no data.</returns>
    /// <exception cref="WaveformSourceException">The request failed after its retries, or the answer is not miniSEED.</exception>
    public async Task<byte[]> DataselectAsync(IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0 || endUtc <= startUtc)
            return [];

        var body = string.Concat(channels.Select(c => SelectionLine(c, startUtc, endUtc) + "\n"));
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.DataselectUrl) { Content = new StringContent(body, Encoding.ASCII, "text/plain") };
        var answer = await SendAsync(request, (message, inner) => new WaveformSourceException(message, inner), cancellationToken).ConfigureAwait(false);
        if (answer is null)
            return [];

        // A portal page or a proxy's notice served with 200 would otherwise reach the miniSEED reader as garbage.
        if (answer.MediaType is { } type && (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || type.Contains("xml", StringComparison.OrdinalIgnoreCase)))
            throw new WaveformSourceException($"POST {request.RequestUri}: expected miniSEED (application/vnd.fdsn.mseed), got {type}{Excerpt(answer.Body)}");
        return answer.Body;
    }

    /// <summary>
    /// The channel epochs of the selected channels that intersect [<paramref name="startUtc"/>,
    /// <paramref name="endUtc"/>], at channel level (coordinates, orientation, sample rate, sensitivity). One
    /// selection is asked for with GET, several with one POST.
    /// </summary>
    /// <returns>The inventory; without networks when the server has no data.</returns>
    /// <exception cref="MetadataSourceException">The request failed after its retries.</exception>
    /// <exception cref="Metadata.MetadataFormatException">The answer is not StationXML the reader accepts; the message names the URL.</exception>
    public async Task<Inventory> StationsAsync(IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
            return EmptyInventory(Endpoint.StationUrl);
        if (endUtc < startUtc)
            throw new ArgumentException($"The interval ends ({endUtc:O}) before it starts ({startUtc:O}).", nameof(endUtc));

        using var request = channels.Count == 1
            ? new HttpRequestMessage(HttpMethod.Get, WithQuery(Endpoint.StationUrl,
                ("level", "channel"), ("network", channels[0].Network), ("station", channels[0].Station),
                ("location", FdsnLocation(channels[0])), ("channel", channels[0].Channel),
                ("starttime", FdsnTime(startUtc)), ("endtime", FdsnTime(endUtc))))
            : new HttpRequestMessage(HttpMethod.Post, Endpoint.StationUrl)
            {
                Content = new StringContent("level=channel\n" + string.Concat(channels.Select(c => SelectionLine(c, startUtc, endUtc) + "\n")), Encoding.ASCII, "text/plain"),
            };
        var answer = await SendAsync(request, (message, inner) => new MetadataSourceException(message, inner), cancellationToken).ConfigureAwait(false);
        if (answer is null)
            return EmptyInventory(request.RequestUri!);
        using var stream = new MemoryStream(answer.Body, writable: false);
        return StationXmlReader.Read(stream, request.RequestUri!.ToString());
    }

    /// <summary>The events whose origin time lies in [<paramref name="startUtc"/>, <paramref name="endUtc"/>], as QuakeML.</summary>
    /// <param name="startUtc">Earliest origin time.</param>
    /// <param name="endUtc">Latest origin time.</param>
    /// <param name="query">Further limits (magnitude, region); null for none.</param>
    /// <param name="cancellationToken">Stops the request and its retries.</param>
    /// <returns>The catalog; without events when the server has no data.</returns>
    /// <exception cref="MetadataSourceException">The request failed after its retries.</exception>
    /// <exception cref="Metadata.MetadataFormatException">The answer is not QuakeML the reader accepts; the message names the URL.</exception>
    public async Task<Catalog> EventsAsync(DateTime startUtc, DateTime endUtc, FdsnEventQuery? query = null, CancellationToken cancellationToken = default)
    {
        if (endUtc < startUtc)
            throw new ArgumentException($"The interval ends ({endUtc:O}) before it starts ({startUtc:O}).", nameof(endUtc));
        query ??= FdsnEventQuery.None;
        var parameters = new List<(string, string)> { ("starttime", FdsnTime(startUtc)), ("endtime", FdsnTime(endUtc)) };
        AddNumber(parameters, "minmagnitude", query.MinMagnitude);
        AddNumber(parameters, "maxmagnitude", query.MaxMagnitude);
        AddNumber(parameters, "latitude", query.LatitudeDeg);
        AddNumber(parameters, "longitude", query.LongitudeDeg);
        AddNumber(parameters, "maxradius", query.MaxRadiusDeg);

        using var request = new HttpRequestMessage(HttpMethod.Get, WithQuery(Endpoint.EventUrl, [.. parameters]));
        var answer = await SendAsync(request, (message, inner) => new MetadataSourceException(message, inner), cancellationToken).ConfigureAwait(false);
        if (answer is null)
            return new Catalog { PublicId = "smi:local/fdsnws-event/no-data", Events = [] };
        using var stream = new MemoryStream(answer.Body, writable: false);
        return QuakeMlReader.Read(stream, request.RequestUri!.ToString());
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The FDSN time format: ISO 8601 in UTC without a zone designator, to the microsecond.</summary>
    internal static string FdsnTime(DateTime time) =>
        (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>A blank location is written "--": an empty field would shift the columns of a POST line.</summary>
    internal static string FdsnLocation(ChannelSelection channel) => channel.Location.Length == 0 ? "--" : channel.Location;

    /// <summary>One line of a POST request: NET STA LOC CHA START END.</summary>
    internal static string SelectionLine(ChannelSelection channel, DateTime startUtc, DateTime endUtc) =>
        $"{channel.Network} {channel.Station} {FdsnLocation(channel)} {channel.Channel} {FdsnTime(startUtc)} {FdsnTime(endUtc)}";

    /// <summary>
    /// Sends through the resilience pipeline. Returns null for "no data" (204, or 200 with an empty body);
    /// throws what <paramref name="fail"/> makes, with a message naming the request, for everything else.
    /// </summary>
    private async Task<Answer?> SendAsync(HttpRequestMessage request, Func<string, Exception?, Exception> fail, CancellationToken cancellationToken)
    {
        var what = $"{request.Method} {request.RequestUri}";
        var attempts = new StrongBox<int>();
        request.Options.Set(FdsnResilience.Attempts, attempts);
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            // The pipeline has already read the body inside the attempt; nothing is left to wait for here.
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw fail($"{what}: no answer in time; gave up after {clock.Elapsed.TotalSeconds:0.0} s and {Count(attempts.Value)} " +
                $"(at most {Options.AttemptTimeout.TotalSeconds:0.###} s per attempt and {Options.TotalTimeout.TotalSeconds:0.###} s in all: FdsnClientOptions.AttemptTimeout and TotalTimeout)", timeout);
        }
        catch (HttpRequestException broken)
        {
            // The socket's reason is often the outer message already ("Connection refused (host:port)").
            var cause = broken.InnerException is { } inner && !broken.Message.Contains(inner.Message, StringComparison.Ordinal) ? $" ({inner.Message})" : "";
            throw fail($"{what}: {broken.Message}{cause} after {Count(attempts.Value)}", broken);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NoContent || (response.IsSuccessStatusCode && body.Length == 0))
                return null;
            if (response.IsSuccessStatusCode)
                return new Answer(body, response.Content.Headers.ContentType?.MediaType);

            var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            var hint = response.StatusCode == HttpStatusCode.NotFound
                ? " (FDSN services answer 'no data' with 204 unless asked otherwise, so a 404 usually means there is no such service at this URL: check the base URL)"
                : "";
            throw fail($"{what}: {status} after {Count(attempts.Value)}{hint}{Excerpt(body)}", null);
        }
    }

    private static string Count(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    /// <summary>The start of a server's text on one line, or nothing when it sent none.</summary>
    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4 * ErrorExcerptChars));
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length == 0)
            return "";
        return ": " + (oneLine.Length > ErrorExcerptChars ? oneLine[..ErrorExcerptChars] + "..." : oneLine);
    }

    private static Uri WithQuery(Uri url, params (string Name, string Value)[] parameters) =>
        new UriBuilder(url) { Query = string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}")) }.Uri;

    private static void AddNumber(List<(string, string)> parameters, string name, double? value)
    {
        if (value is { } number)
            parameters.Add((name, number.ToString("R", CultureInfo.InvariantCulture)));
    }

    private static Inventory EmptyInventory(Uri url) => new()
    {
        SchemaVersion = "1.2",
        Source = url.ToString(),
        CreatedUtc = DateTime.UtcNow,
        Networks = [],
    };

    private sealed record Answer(byte[] Body, string? MediaType);
}
