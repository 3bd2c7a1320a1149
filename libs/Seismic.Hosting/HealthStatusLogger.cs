using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Seismic.Hosting;

/// <summary>
/// Logs the host's health when it changes ("healthy" once the bus is connected), so an operator or a
/// supervisor reading the log sees readiness without polling an endpoint. Degraded is ready too (GET /health
/// answers 200): it is logged as "Service is healthy but degraded", so whatever waits for "Service is healthy"
/// (deploy/local/up.sh, the tests) starts a classifier still waiting for its first model.
/// </summary>
public sealed partial class HealthStatusLogger(ILogger<HealthStatusLogger> logger) : IHealthCheckPublisher
{
    private HealthStatus? _lastStatus;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        if (report.Status == _lastStatus)
            return Task.CompletedTask;
        _lastStatus = report.Status;

        var details = string.Join("; ", report.Entries.Select(entry =>
            $"{entry.Key}: {entry.Value.Status}{(entry.Value.Description is { Length: > 0 } d ? $" ({d})" : "")}"));
        if (report.Status == HealthStatus.Healthy)
            LogHealthy(details);
        else if (report.Status == HealthStatus.Degraded)
            LogDegraded(details);
        else
            LogNotHealthy(report.Status, details);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Service is healthy: {Details}")]
    private partial void LogHealthy(string details);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service is healthy but degraded: {Details}")]
    private partial void LogDegraded(string details);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service is {Status}: {Details}")]
    private partial void LogNotHealthy(HealthStatus status, string details);
}
