using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using MassTransit;

namespace Seismic.Hosting;

/// <summary>
/// Every consumed message, in one place rather than in each consumer: the queue lag (its SentTime to the start of
/// its consumption) goes to <see cref="PipelineMetrics"/>, and a message about a segment tags the consume activity
/// with the segment's id, so a trace backend finds a segment's spans in every stage by that one tag.
/// </summary>
public sealed class ConsumeTelemetryObserver(PipelineMetrics metrics, TimeProvider clock) : IConsumeObserver
{
    /// <summary>Tag naming the segment on Seismic's and MassTransit's activities.</summary>
    public const string SegmentIdTag = "seismic.segment.id";

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> SegmentIdProperties = new();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.SentTime is { } sentUtc)
        {
            var endpoint = context.ReceiveContext.InputAddress?.AbsolutePath.Trim('/') ?? "";
            metrics.MessageLag((clock.GetUtcNow().UtcDateTime - sentUtc).TotalSeconds, typeof(T).Name, endpoint);
        }
        if (Activity.Current is { } activity && SegmentIdOf(context.Message) is { } segmentId)
            activity.SetTag(SegmentIdTag, segmentId);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    /// <summary>The message's string SegmentId property, which every per-segment contract has.</summary>
    private static string? SegmentIdOf<T>(T message) where T : class =>
        SegmentIdProperties.GetOrAdd(typeof(T), type => type.GetProperty("SegmentId") is { PropertyType: var propertyType } property && propertyType == typeof(string) ? property : null)
            ?.GetValue(message) as string;
}
