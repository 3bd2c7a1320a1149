using System.Collections.Concurrent;
using System.Globalization;
using MassTransit;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Reports;

namespace Seismic.Cli.Pipeline;

/// <summary>One live segment's way through the pipeline.</summary>
/// <param name="SegmentId">The segment.</param>
/// <param name="DataCompleteUtc">When its last record arrived (or its deadline passed).</param>
/// <param name="LeftOnDeadline">Whether it left with channels missing.</param>
/// <param name="MissingChannels">How many channels it lacked.</param>
/// <param name="RowsWrittenUtc">When the reporter last wrote rows of it; null until then.</param>
public sealed record LiveSegmentLatency(string SegmentId, DateTime DataCompleteUtc, bool LeftOnDeadline, int MissingChannels, DateTime? RowsWrittenUtc)
{
    /// <summary>Seconds from the segment's data being complete to its rows on disk.</summary>
    public double? LatencySeconds => RowsWrittenUtc is { } written ? (written - DataCompleteUtc).TotalSeconds : null;
}

/// <summary>
/// Measures live latency in this process: from the moment a segment's last record arrived (ingest stamps it on
/// <see cref="WaveformSegmentIngested.DataCompleteUtc"/>) to the reporter's <see cref="ReportRowsWritten"/> for it.
/// A publish observer, so it sees both without a queue of its own.
/// </summary>
public sealed class LiveLatency : IPublishObserver
{
    private readonly ConcurrentDictionary<string, LiveSegmentLatency> _segments = new(StringComparer.Ordinal);

    /// <summary>Called when a segment's window rows are written (once per segment; event rows may follow and move its time later).</summary>
    public event Action<LiveSegmentLatency>? SegmentReported;

    public IReadOnlyList<LiveSegmentLatency> Segments => _segments.Values.OrderBy(s => s.SegmentId, StringComparer.Ordinal).ToList();

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        switch (context.Message)
        {
            case WaveformSegmentIngested { DataCompleteUtc: { } complete } segment:
                _segments[segment.SegmentId] = new LiveSegmentLatency(segment.SegmentId, complete, segment.LeftOnDeadline == true, segment.MissingChannels.Count, null);
                break;
            case ReportRowsWritten rows when _segments.TryGetValue(rows.SegmentId, out var known):
                var updated = known with { RowsWrittenUtc = known.RowsWrittenUtc is { } before && before > rows.WrittenAtUtc ? before : rows.WrittenAtUtc };
                _segments[rows.SegmentId] = updated;
                if (rows.EventId is null)
                    SegmentReported?.Invoke(updated);
                break;
        }
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    /// <summary>Median, 99th percentile and maximum latency of the segments reported so far, seconds; null when none was.</summary>
    public (int Count, double Median, double P99, double Max)? Summary(bool? leftOnDeadline = null)
    {
        var latencies = _segments.Values
            .Where(s => leftOnDeadline is null || s.LeftOnDeadline == leftOnDeadline)
            .Select(s => s.LatencySeconds)
            .OfType<double>()
            .Order()
            .ToArray();
        if (latencies.Length == 0)
            return null;
        return (latencies.Length, Percentile(latencies, 0.5), Percentile(latencies, 0.99), latencies[^1]);
    }

    /// <summary>One row per segment: id, data complete, deadline or not, missing channels, rows written, latency.</summary>
    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("segment_id,data_complete_utc,left_on_deadline,missing_channels,rows_written_utc,latency_s");
        foreach (var s in Segments)
        {
            writer.WriteLine(string.Join(',',
                s.SegmentId,
                s.DataCompleteUtc.ToString("O", CultureInfo.InvariantCulture),
                s.LeftOnDeadline ? "true" : "false",
                s.MissingChannels.ToString(CultureInfo.InvariantCulture),
                s.RowsWrittenUtc?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                s.LatencySeconds?.ToString("F3", CultureInfo.InvariantCulture) ?? ""));
        }
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default).</summary>
    private static double Percentile(double[] sorted, double fraction)
    {
        var position = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
