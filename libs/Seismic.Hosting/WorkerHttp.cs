using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Seismic.Hosting;

/// <summary>
/// A worker's HTTP side: GET /health (readiness, every check as JSON), /health/live (liveness) and /metrics
/// (Prometheus). Only the worker hosts serve it; the in-process pipeline of the CLI opens no port.
/// </summary>
public static partial class WorkerHttp
{
    public const string HealthPath = "/health";
    public const string LivenessPath = "/health/live";
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Default ports when the configuration names none (URLS, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, Kestrel
    /// endpoints): one per worker, so the five can run on one machine. On loopback only: an operator who wants a
    /// remote scraper or probe says where with URLS (containers set ASPNETCORE_HTTP_PORTS=8080).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> DefaultPorts = new Dictionary<string, int>
    {
        ["ingest"] = 8461,
        ["beamformer"] = 8462,
        ["classifier"] = 8463,
        ["trainer"] = 8464,
        ["reporter"] = 8465,
    };

    /// <summary>Listens where the standard ASP.NET settings say, else on the worker's default port, and exports metrics for /metrics.</summary>
    public static WebApplicationBuilder AddWorkerHttp(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var addressConfigured = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!addressConfigured)
            builder.WebHost.UseUrls($"http://localhost:{DefaultPorts[serviceName]}");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
        return builder;
    }

    /// <summary>Maps the three endpoints and logs, once the server listens, where health is served.</summary>
    public static WebApplication MapWorkerEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = WriteReport });
        // Liveness runs no check: the process answering is the whole test, so a lost broker or a missing model
        // never gets the worker restarted (neither is fixed by a restart; both recover while it runs).
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteReport });
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkerHttp));
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                LogServing(logger, $"{address}{HealthPath}", $"{address}{LivenessPath}", $"{address}{MetricsPath}");
        });
        return app;
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The overall status and each check's status, description, duration and data.</summary>
    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Description,
                    durationMs = entry.Value.Duration.TotalMilliseconds,
                    error = entry.Value.Exception?.Message,
                    data = entry.Value.Data.ToDictionary(item => item.Key, item => item.Value?.ToString()),
                    tags = entry.Value.Tags,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health served at {HealthUrl} (liveness {LivenessUrl}, metrics {MetricsUrl})")]
    private static partial void LogServing(ILogger logger, string healthUrl, string livenessUrl, string metricsUrl);
}
