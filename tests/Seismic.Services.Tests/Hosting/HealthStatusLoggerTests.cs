using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Seismic.Hosting;

namespace Seismic.Services.Tests.Hosting;

public sealed class HealthStatusLoggerTests
{
    private sealed class RecordingLogger : ILogger<HealthStatusLogger>
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }

    private static HealthReport Report(HealthStatus status) => new(
        new Dictionary<string, HealthReportEntry>
        {
            ["masstransit-bus"] = new(status, status == HealthStatus.Healthy ? "Ready" : "Not ready: broker unreachable", TimeSpan.Zero, null, null),
        },
        TimeSpan.Zero);

    [Fact]
    public async Task Should_log_each_change_of_health_once()
    {
        var logger = new RecordingLogger();
        var publisher = new HealthStatusLogger(logger);

        foreach (var status in new[] { HealthStatus.Unhealthy, HealthStatus.Healthy, HealthStatus.Healthy, HealthStatus.Unhealthy })
            await publisher.PublishAsync(Report(status), CancellationToken.None);

        Assert.Equal(3, logger.Lines.Count);
        Assert.Equal(LogLevel.Warning, logger.Lines[0].Level);
        Assert.Equal("Service is healthy: masstransit-bus: Healthy (Ready)", logger.Lines[1].Message);
        Assert.Contains("broker unreachable", logger.Lines[2].Message);
    }
}
