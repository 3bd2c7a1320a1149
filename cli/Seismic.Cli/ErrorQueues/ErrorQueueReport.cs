using System.Globalization;
using System.Text;

namespace Seismic.Cli.ErrorQueues;

/// <summary>One endpoint's error and skipped queues: message counts, null where the queue is not declared (yet).</summary>
internal sealed record EndpointFailures(WorkerEndpoint Endpoint, uint? Errors, uint? Skipped)
{
    /// <summary>The first messages of the _error queue, when they were asked for.</summary>
    public IReadOnlyList<FailedMessage> FirstErrors { get; init; } = [];

    /// <summary>The first messages of the _skipped queue (no consumer for their type), when they were asked for.</summary>
    public IReadOnlyList<FailedMessage> FirstSkipped { get; init; } = [];
}

/// <summary>The text of `seismic errors list`.</summary>
internal static class ErrorQueueReport
{
    private const string NotDeclared = "-";

    public static string Format(IReadOnlyList<EndpointFailures> endpoints, IEnumerable<WorkerEndpoint> temporary)
    {
        var text = new StringBuilder();
        var queueWidth = Math.Max("QUEUE".Length, endpoints.Select(e => e.Endpoint.Queue.Length).DefaultIfEmpty(0).Max());
        text.AppendLine(CultureInfo.InvariantCulture, $"{"QUEUE".PadRight(queueWidth)}  {"WORKER",-10}  {"_error",7}  {"_skipped",8}");
        foreach (var endpoint in endpoints)
            text.AppendLine(CultureInfo.InvariantCulture, $"{endpoint.Endpoint.Queue.PadRight(queueWidth)}  {endpoint.Endpoint.Worker,-10}  {Count(endpoint.Errors),7}  {Count(endpoint.Skipped),8}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{NotDeclared}: no such queue yet (MassTransit declares it when a message first fails, or is skipped, there).");
        foreach (var endpoint in temporary)
            text.AppendLine(CultureInfo.InvariantCulture, $"Not listed: {endpoint.Consumer} ({endpoint.Worker}), on a queue of each running instance (its name carries an instance id), not durable, deleted when the instance stops; its failures are in that worker's log.");

        var total = endpoints.Sum(e => (long)(e.Errors ?? 0) + (e.Skipped ?? 0));
        text.AppendLine(total == 0 ? "No failed messages." : $"{total} failed or skipped message{(total == 1 ? "" : "s")} in all.");
        foreach (var endpoint in endpoints)
        {
            AppendMessages(text, endpoint.Endpoint.ErrorQueue, endpoint.Errors, endpoint.FirstErrors);
            AppendMessages(text, endpoint.Endpoint.SkippedQueue, endpoint.Skipped, endpoint.FirstSkipped);
        }
        return text.ToString();
    }

    /// <summary>One message in two lines: what it is and when it failed, then why.</summary>
    public static string Describe(FailedMessage message)
    {
        var what = new StringBuilder();
        what.Append(message.MessageType ?? "(not a MassTransit envelope)");
        what.Append(CultureInfo.InvariantCulture, $"  id {message.MessageId ?? "?"}");
        if (message.Subject is not null)
            what.Append(CultureInfo.InvariantCulture, $"  {message.Subject}");
        if (message.FailedAt is { } failedAt)
            what.Append(CultureInfo.InvariantCulture, $"  failed {failedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z");
        var why = message.ExceptionType is null && message.ExceptionMessage is null
            ? "no fault recorded"
            : $"{message.ExceptionType ?? "?"}: {message.ExceptionMessage}";
        return $"{what}{Environment.NewLine}    {why}";
    }

    private static void AppendMessages(StringBuilder text, string queue, uint? count, IReadOnlyList<FailedMessage> first)
    {
        if (first.Count == 0)
            return;
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{queue}: first {first.Count} of {count}");
        foreach (var message in first)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Describe(message)}");
    }

    private static string Count(uint? count) => count?.ToString(CultureInfo.InvariantCulture) ?? NotDeclared;
}
