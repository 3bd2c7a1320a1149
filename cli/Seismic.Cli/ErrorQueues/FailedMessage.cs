using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Seismic.Cli.ErrorQueues;

/// <summary>What an operator needs to know about one message in an _error queue, read from its envelope and fault headers.</summary>
internal sealed record FailedMessage
{
    /// <summary>The contract's short name (WaveformSegmentIngested), from the envelope's first messageType URN; null for a body that is no MassTransit envelope.</summary>
    public required string? MessageType { get; init; }

    public required string? MessageId { get; init; }

    /// <summary>When the consumer gave up on it (MT-Fault-Timestamp).</summary>
    public required DateTimeOffset? FailedAt { get; init; }

    public required string? ExceptionType { get; init; }

    public required string? ExceptionMessage { get; init; }

    /// <summary>The segment, backfill, event or training the message is about, as "segmentId=..."; null when it names none.</summary>
    public required string? Subject { get; init; }

    // The ids an operator looks up in the reports and logs, most specific first: an event lies in a segment, a segment in a backfill.
    private static readonly string[] SubjectProperties = ["eventId", "segmentId", "backfillId", "trainingId"];

    /// <summary>
    /// Reads a message as MassTransit left it in an _error queue. <paramref name="headers"/> are the AMQP headers
    /// as text; <paramref name="propertyMessageId"/> is the AMQP message-id, used when the body is not an envelope.
    /// </summary>
    public static FailedMessage Read(ReadOnlySpan<byte> body, string? propertyMessageId, IReadOnlyDictionary<string, string> headers)
    {
        string? messageType = null, messageId = null, subject = null;
        try
        {
            using var envelope = JsonDocument.Parse(body.ToArray());
            var root = envelope.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0)
                    messageType = ShortTypeName(types[0].GetString());
                if (root.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String)
                    messageId = id.GetString();
                // A raw JSON message (no envelope) is the message itself.
                var message = root.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
                subject = SubjectOf(message);
            }
        }
        catch (JsonException)
        {
            // Not JSON: the headers still say why it failed, which is what the listing is for.
        }

        return new FailedMessage
        {
            MessageType = messageType ?? (headers.TryGetValue("MT-Fault-MessageType", out var faultType) ? ShortTypeName(faultType) : null),
            MessageId = messageId ?? propertyMessageId,
            FailedAt = headers.TryGetValue("MT-Fault-Timestamp", out var timestamp)
                && DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var failedAt)
                    ? failedAt.ToUniversalTime()
                    : null,
            ExceptionType = headers.GetValueOrDefault("MT-Fault-ExceptionType"),
            ExceptionMessage = headers.GetValueOrDefault("MT-Fault-Message") ?? headers.GetValueOrDefault("MT-Reason"),
            Subject = subject,
        };
    }

    /// <summary>"urn:message:Seismic.Contracts.Ingest:WaveformSegmentIngested" -> "WaveformSegmentIngested".</summary>
    internal static string? ShortTypeName(string? urn)
    {
        if (string.IsNullOrEmpty(urn))
            return null;
        var name = urn[(urn.LastIndexOf(':') + 1)..];
        return name.Length > 0 ? name : urn;
    }

    private static string? SubjectOf(JsonElement message)
    {
        foreach (var name in SubjectProperties)
        {
            foreach (var property in message.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)
                    && property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    return $"{name}={property.Value}";
            }
        }
        return null;
    }

    /// <summary>An AMQP header value as text: RabbitMQ.Client hands strings over as UTF-8 bytes.</summary>
    public static string HeaderText(object? value) => value switch
    {
        null => "",
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
