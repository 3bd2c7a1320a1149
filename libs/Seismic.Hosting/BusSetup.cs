using MassTransit;
using MassTransit.MessageData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Seismic.Hosting;

/// <summary>The one place MassTransit is configured, for the in-memory transport and for RabbitMQ alike.</summary>
public static class BusSetup
{
    /// <summary>
    /// Adds the bus with the workers that <paramref name="registerWorkers"/> adds (e.g. <c>bus =&gt; bus.AddIngestWorker()</c>).
    /// The transport and broker come from the "Seismic:Bus" configuration section (appsettings or
    /// environment variables such as <c>Seismic__Bus__Transport=RabbitMq</c>); <paramref name="defaultTransport"/>
    /// applies where the configuration names none: RabbitMQ for a worker's own host, in-memory for <c>seismic run</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSeismicBus(
        this IHostApplicationBuilder builder,
        BusTransport defaultTransport,
        Action<IBusRegistrationConfigurator> registerWorkers)
    {
        var options = BusOptions.Read(builder.Configuration, defaultTransport);
        builder.Services.AddSingleton(options);

        // Waveforms and beams go by claim check: the message carries an address into this repository. On the
        // in-memory bus no message outlives the process, so neither do its payloads: they go in a folder of the
        // process's own, deleted when it stops. Over a broker, payloads older than the retention are deleted.
        var messageDataFolder = options.Transport == BusTransport.InMemory
            ? Path.Combine(options.MessageDataPath, $"in-process-{Environment.ProcessId}-{Guid.NewGuid():N}")
            : options.MessageDataPath;
        var messageData = new FileSystemMessageDataRepository(Directory.CreateDirectory(messageDataFolder));
        builder.Services.AddSingleton<IMessageDataRepository>(messageData);
        builder.Services.AddHostedService(services => new MessageDataJanitor(
            messageDataFolder,
            options.Transport == BusTransport.InMemory ? null : TimeSpan.FromHours(options.MessageDataRetentionHours),
            services.GetRequiredService<ILogger<MessageDataJanitor>>()));

        // Queue lag and the segment tag of every consumed message, whichever workers this process runs.
        builder.Services.AddPipelineMetrics();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddConsumeObserver<ConsumeTelemetryObserver>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => ApplyEndpointPolicy(context, endpoint, options));
            registerWorkers(bus);

            switch (options.Transport)
            {
                case BusTransport.InMemory:
                    bus.UsingInMemory((context, cfg) =>
                    {
                        LogTransport(context, "in-memory (every worker in this process)");
                        cfg.UseMessageData(messageData);
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                case BusTransport.RabbitMq:
                    var connection = options.RabbitMq.ToConnection();
                    bus.UsingRabbitMq((context, cfg) =>
                    {
                        LogTransport(context, $"RabbitMQ at {connection}");
                        cfg.Host(connection.Host, connection.Port, connection.VirtualHost, host =>
                        {
                            host.Username(connection.Username);
                            host.Password(connection.Password);
                            if (connection.UseTls)
                                host.UseSsl(ssl => ssl.ServerName = connection.Host);
                        });
                        cfg.UseMessageData(messageData);
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(defaultTransport), options.Transport, "unknown transport");
            }
        });

        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(5);
        });
        return builder;
    }

    /// <summary>
    /// Makes a process's own listening queue (a command's follower) outlive a broker restart: durable and not
    /// auto-deleted, so the persistent answers routed to it while the connection is down wait for the listener to
    /// reconnect, and removed by the broker <paramref name="unusedFor"/> after its last consumer went away. On the
    /// in-memory transport nothing needs to survive.
    /// </summary>
    public static void SurviveBrokerRestart(IReceiveEndpointConfigurator endpoint, TimeSpan unusedFor)
    {
        if (endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit)
            return;
        rabbit.Durable = true;
        rabbit.AutoDelete = false;
        rabbit.SetQueueArgument("x-expires", (int)unusedFor.TotalMilliseconds);
    }

    private static void LogTransport(IBusRegistrationContext context, string transport) =>
        context.GetRequiredService<ILoggerFactory>().CreateLogger("Seismic.Bus")
            .LogInformation("Bus transport: {Transport}", transport);

    /// <summary>
    /// Every receive endpoint: a few quick retries for transient faults, then (where the transport can delay)
    /// redeliveries minutes apart, then the endpoint's _error queue with the exception, so nothing is dropped.
    /// The in-memory outbox holds what a consumer publishes until it has finished, so a retried message
    /// never publishes twice.
    /// </summary>
    private static void ApplyEndpointPolicy(IRegistrationContext context, IReceiveEndpointConfigurator endpoint, BusOptions options)
    {
        var canDelay = options.Transport == BusTransport.InMemory || options.RabbitMq.DelayedExchangePlugin;
        if (canDelay && options.RedeliverySeconds.Length > 0)
            endpoint.UseDelayedRedelivery(r => r.Intervals(options.RedeliverySeconds.Select(s => TimeSpan.FromSeconds(s)).ToArray()));
        endpoint.UseMessageRetry(r => r.Interval(options.RetryCount, TimeSpan.FromMilliseconds(options.RetryIntervalMs)));
        endpoint.UseInMemoryOutbox(context);
    }
}
