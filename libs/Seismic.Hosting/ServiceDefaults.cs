using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;

namespace Seismic.Hosting;

/// <summary>What every Seismic host has: logging, telemetry, health checks and a bounded shutdown.</summary>
public static class ServiceDefaults
{
    /// <summary>Name of Seismic's own ActivitySource and Meter.</summary>
    public const string TelemetryName = "Seismic";

    /// <summary>
    /// Serilog to the console (and to Seq when SEQ_URL is set), OpenTelemetry traces and metrics with
    /// MassTransit's source and meter (exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set),
    /// health checks whose changes are logged, and a shutdown that ends within seconds.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        var seqUrl = builder.Configuration["SEQ_URL"];
        builder.Services.AddSerilog((services, logger) =>
        {
            // Defaults first, so that the Serilog section of the configuration can change every level.
            logger.MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("MassTransit", Serilog.Events.LogEventLevel.Information)
                // It logs every degraded check every period; HealthStatusLogger logs each change once.
                .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", Serilog.Events.LogEventLevel.Error)
                .ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Service", serviceName)
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Service}: {Message:lj}{NewLine}{Exception}");
            if (!string.IsNullOrWhiteSpace(seqUrl))
                logger.WriteTo.Seq(seqUrl);
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddSource(TelemetryName))
            .WithMetrics(metrics => metrics
                .AddMeter(InstrumentationOptions.MeterName)
                .AddMeter(TelemetryName));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();

        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthStatusLogger>();
        builder.Services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.FromSeconds(1);
            options.Period = TimeSpan.FromSeconds(5);
        });

        // SIGTERM and Ctrl-C stop the host; a consumer still busy after this long is cancelled, so an
        // orchestrator's stop (usually 10 s before SIGKILL) never has to kill the process.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(8));

        return builder;
    }
}
