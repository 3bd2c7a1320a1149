using System.Globalization;
using Microsoft.AspNetCore.Http;
using Seismic.Waveforms.Selection;

namespace Seismic.TestSupport.Fdsn;

/// <summary>One line of a request: channels and, when given, an interval.</summary>
internal sealed record FdsnSelection(ChannelSelection Channels, DateTime? StartUtc, DateTime? EndUtc);

/// <summary>
/// A request to an FDSN service as the specification lets a client write it: GET parameters (long or short
/// names, comma lists) or a POST body of <c>key=value</c> lines followed by <c>NET STA LOC CHA START END</c> lines.
/// </summary>
internal sealed class FdsnQuery
{
    private readonly Dictionary<string, string> _parameters;

    private FdsnQuery(Dictionary<string, string> parameters, IReadOnlyList<FdsnSelection> selections)
    {
        _parameters = parameters;
        Selections = selections;
    }

    public IReadOnlyList<FdsnSelection> Selections { get; }

    /// <summary>The status for "no data": 204 unless the client asked nodata=404.</summary>
    public int NoDataStatus => Parameter("nodata") == "404" ? StatusCodes.Status404NotFound : StatusCodes.Status204NoContent;

    public string? Parameter(string name) => _parameters.GetValueOrDefault(name);

    public DateTime? Time(string name) => Parameter(name) is { } text ? ParseTime(text) : null;

    /// <exception cref="FormatException">The request breaks the specification; the message says where.</exception>
    public static FdsnQuery Parse(IQueryCollection query, string body)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
            parameters[LongName(key)] = value.ToString();

        var lines = new List<FdsnSelection>();
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                parameters[LongName(line[..equals].Trim())] = line[(equals + 1)..].Trim();
                continue;
            }
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6)
                throw new FormatException($"POST line '{line}' does not have the six fields NET STA LOC CHA START END");
            lines.Add(new FdsnSelection(new ChannelSelection(fields[0], fields[1], fields[2], fields[3]), ParseTime(fields[4]), ParseTime(fields[5])));
        }

        if (lines.Count == 0)
        {
            var start = parameters.TryGetValue("starttime", out var s) ? ParseTime(s) : (DateTime?)null;
            var end = parameters.TryGetValue("endtime", out var e) ? ParseTime(e) : (DateTime?)null;
            foreach (var network in List(parameters, "network"))
            foreach (var station in List(parameters, "station"))
            foreach (var location in List(parameters, "location"))
            foreach (var channel in List(parameters, "channel"))
                lines.Add(new FdsnSelection(new ChannelSelection(network, station, location, channel), start, end));
        }
        return new FdsnQuery(parameters, lines);
    }

    private static IEnumerable<string> List(Dictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var value) ? value.Split(',') : ["*"];

    private static string LongName(string key) => key.ToLowerInvariant() switch
    {
        "net" => "network",
        "sta" => "station",
        "loc" => "location",
        "cha" => "channel",
        "start" => "starttime",
        "end" => "endtime",
        var name => name,
    };

    private static DateTime ParseTime(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"'{text}' is not an ISO 8601 time such as 2024-03-04T00:00:00.000000");
}
