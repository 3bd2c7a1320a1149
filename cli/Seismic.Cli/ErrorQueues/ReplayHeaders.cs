using System.Globalization;

namespace Seismic.Cli.ErrorQueues;

/// <summary>The headers a replayed message goes back to its queue with.</summary>
internal static class ReplayHeaders
{
    /// <summary>How many times `seismic errors replay` has sent this message back, so a message that keeps failing shows it.</summary>
    public const string ReplayCount = "Seismic-Replay-Count";

    /// <summary>
    /// The original headers without what MassTransit added when it gave up (MT-Fault-*, MT-Reason) and without
    /// MT-Redelivery-Count, so that the endpoint's retry and redelivery policy starts afresh instead of sending
    /// the message straight back to _error; plus <see cref="ReplayCount"/> counted up.
    /// </summary>
    public static Dictionary<string, object?> ForReplay(IEnumerable<KeyValuePair<string, object?>>? original)
    {
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal);
        var replays = 0;
        foreach (var (name, value) in original ?? [])
        {
            if (name == ReplayCount)
                replays = ReadCount(value);
            else if (!IsFromTheFailure(name))
                headers[name] = value;
        }
        headers[ReplayCount] = replays + 1;
        return headers;
    }

    public static bool IsFromTheFailure(string header) =>
        header.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "MT-Reason", StringComparison.OrdinalIgnoreCase)
        || string.Equals(header, "MT-Redelivery-Count", StringComparison.OrdinalIgnoreCase);

    private static int ReadCount(object? value) =>
        int.TryParse(FailedMessage.HeaderText(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 0;
}
