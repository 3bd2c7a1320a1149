using System.Collections.Concurrent;
using MassTransit;

namespace Seismic.Cli.Pipeline;

/// <summary>
/// Time each stage of an in-process pipeline spent on its messages, summed over the messages: in one process the
/// stages run at once, so their sum can exceed the wall time, and the largest says what dominates.
/// </summary>
public sealed class StageTimer : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, (long Ticks, int Count)> _busy = new(StringComparer.Ordinal);

    /// <summary>Stage name, seconds busy, messages handled, in pipeline order.</summary>
    public IReadOnlyList<(string Stage, double Seconds, int Messages)> Totals() =>
        new[] { "ingest", "beamformer", "classifier", "reporter" }
            .Select(stage => _busy.TryGetValue(stage, out var total) ? (stage, total.Ticks / (double)TimeSpan.TicksPerSecond, total.Count) : (stage, 0.0, 0))
            .ToList();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (StageOf(context.ReceiveContext.InputAddress) is { } stage)
        {
            var elapsed = context.ReceiveContext.ElapsedTime.Ticks;
            _busy.AddOrUpdate(stage, (elapsed, 1), (_, total) => (total.Ticks + elapsed, total.Count + 1));
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => PostConsume(context);

    /// <summary>By the workers' queues (named after their consumers), so a follower's own handlers do not count.</summary>
    private static string? StageOf(Uri inputAddress) => inputAddress.Segments.LastOrDefault() switch
    {
        "backfill-interval" or "continue-backfill" => "ingest",
        "waveform-segment-ingested" => "beamformer",
        "beams-formed" => "classifier",
        "windows-classified" or "event-classified" => "reporter",
        _ => null,
    };
}
