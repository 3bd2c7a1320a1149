using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Seismic.Ingest.Live;

/// <summary>
/// Live ingest's health: unhealthy when it cannot run or has not streamed for longer than the idle timeout,
/// degraded when some stations are further behind the freshest one than a segment's deadline allows (their
/// data will miss their segments), healthy otherwise. Behind the freshest station, not behind the clock: a
/// replay of last year's data is as healthy as a real-time stream.
/// </summary>
public sealed class LiveHealthCheck(LiveStatus status, TimeProvider clock, double deadlineSeconds, double idleTimeoutSeconds) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (status.Failure is { } failure)
            return Task.FromResult(HealthCheckResult.Unhealthy($"live ingest stopped: {failure}"));
        if (!status.IsStreaming && (now - status.ConnectionChangedUtc).TotalSeconds > idleTimeoutSeconds)
            return Task.FromResult(HealthCheckResult.Unhealthy($"{status.Server}: {status.Connection} since {status.ConnectionChangedUtc:HH:mm:ss} UTC"));

        var lags = status.Lags(now);
        var behind = lags.Where(s => s.BehindSeconds > deadlineSeconds).OrderByDescending(s => s.BehindSeconds).ToList();
        var summary = lags.Count == 0
            ? $"{status.Server}: {status.Connection}, no station heard yet"
            : $"{status.Server}: {status.Connection}, {lags.Count} stations, latency {lags[^1].LatencySeconds:0.0}–{lags[0].LatencySeconds:0.0} s";
        return Task.FromResult(behind.Count == 0
            ? HealthCheckResult.Healthy(summary)
            : HealthCheckResult.Degraded($"{summary}; behind the freshest station by more than the {deadlineSeconds:0} s deadline: {string.Join(", ", behind.Take(10).Select(s => $"{s.StationId} {s.BehindSeconds:0} s"))}"));
    }
}
