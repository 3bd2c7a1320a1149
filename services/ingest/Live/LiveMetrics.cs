using System.Diagnostics.Metrics;

namespace Seismic.Ingest.Live;

/// <summary>
/// Live ingest as OpenTelemetry metrics on the "Seismic" meter: per-station latency and the connection as
/// gauges read at export time, late records and segments as counters.
/// </summary>
public sealed class LiveMetrics : IDisposable
{
    private readonly Meter _meter;

    public LiveMetrics(LiveStatus status, TimeProvider clock, string meterName = "Seismic")
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(clock);
        _meter = new Meter(meterName);
        _meter.CreateObservableGauge(
            "seismic.live.station.latency",
            () => status.Lags(clock.GetUtcNow().UtcDateTime).Select(s => new Measurement<double>(s.LatencySeconds, new KeyValuePair<string, object?>("station", s.StationId))),
            unit: "s",
            description: "How far each station's newest sample is behind the clock");
        _meter.CreateObservableGauge(
            "seismic.live.connection.streaming",
            () => new Measurement<int>(status.IsStreaming ? 1 : 0, new KeyValuePair<string, object?>("server", status.Server)),
            description: "1 while the SeedLink connection streams records, 0 otherwise");
        _meter.CreateObservableCounter("seismic.live.records.late", () => status.LateRecords, description: "Records that arrived after every segment needing them had left (counted, not re-emitted)");
        _meter.CreateObservableCounter("seismic.live.records", () => status.RecordsReceived, description: "Records received over SeedLink");
        _meter.CreateObservableCounter(
            "seismic.live.segments",
            () => new[]
            {
                new Measurement<long>(status.SegmentsComplete, new KeyValuePair<string, object?>("reason", "complete")),
                new Measurement<long>(status.SegmentsOnDeadline, new KeyValuePair<string, object?>("reason", "deadline")),
            },
            description: "Segments that left live ingest, complete or on their deadline");
    }

    public void Dispose() => _meter.Dispose();
}
