using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Seismic.Hosting;

/// <summary>
/// The pipeline's throughput as counters on the "Seismic" meter (a backend turns them into per-second rates) and the
/// time messages wait in queues. One instance per process: the in-process pipeline counts every stage in one place.
/// </summary>
public sealed class PipelineMetrics
{
    private readonly Counter<long> _segmentsIngested;
    private readonly Counter<long> _segmentsBeamformed;
    private readonly Counter<long> _windowsClassified;
    private readonly Counter<long> _eventsClassified;
    private readonly Counter<long> _reportRows;
    private readonly Histogram<double> _messageLag;

    public PipelineMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(ServiceDefaults.TelemetryName);
        _segmentsIngested = meter.CreateCounter<long>("seismic.segments.ingested", "{segment}", "Segments read from the source and published");
        _segmentsBeamformed = meter.CreateCounter<long>("seismic.segments.beamformed", "{segment}", "Segments turned into beams and published");
        _windowsClassified = meter.CreateCounter<long>("seismic.windows.classified", "{window}", "Model input windows classified");
        _eventsClassified = meter.CreateCounter<long>("seismic.events.classified", "{event}", "Events decided, by label");
        _reportRows = meter.CreateCounter<long>("seismic.report.rows", "{row}", "New rows written to the reports, by file");
        _messageLag = meter.CreateHistogram<double>(
            "seismic.message.lag", "s", "Seconds from a message being sent to its consumption starting, by message type and consuming endpoint",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600] });
    }

    public void SegmentIngested() => _segmentsIngested.Add(1);

    public void SegmentBeamformed() => _segmentsBeamformed.Add(1);

    public void WindowsClassified(int count) => _windowsClassified.Add(count);

    public void EventClassified(string label) => _eventsClassified.Add(1, new KeyValuePair<string, object?>("label", label));

    /// <param name="file">Which report: "windows" or "events".</param>
    /// <param name="count">Rows newly written (a redelivered message adds none).</param>
    public void ReportRows(string file, int count) => _reportRows.Add(count, new KeyValuePair<string, object?>("file", file));

    public void MessageLag(double seconds, string messageType, string endpoint)
    {
        var tags = new TagList { { "message_type", messageType }, { "endpoint", endpoint } };
        _messageLag.Record(Math.Max(0, seconds), tags);
    }
}

public static class PipelineMetricsRegistration
{
    /// <summary>
    /// Registers the one <see cref="PipelineMetrics"/> of a process (idempotent): every worker's registration calls it,
    /// so its consumers resolve on any bus, the worker hosts' and the test harness's alike.
    /// </summary>
    public static IServiceCollection AddPipelineMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<PipelineMetrics>();
        return services;
    }
}
