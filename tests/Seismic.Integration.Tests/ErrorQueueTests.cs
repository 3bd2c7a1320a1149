using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Seismic.Hosting;

namespace Seismic.Integration.Tests;

/// <summary>A message no retry can fix is retried as configured, then kept in the endpoint's _error queue with the reason.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ErrorQueueTests
{
    [Fact]
    public async Task Should_retry_then_move_the_message_to_the_error_queue_with_the_exception()
    {
        using var environment = new WorkerEnvironment();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Seismic:Bus:RabbitMq:Uri"] = BrokerSettings.Uri,
            ["Seismic:Bus:MessageDataPath"] = Path.Combine(environment.Folder, "message-data"),
            ["Seismic:Bus:RetryCount"] = "2",
            ["Seismic:Bus:RetryIntervalMs"] = "10",
        });
        builder.AddSeismicBus(BusTransport.RabbitMq, bus => bus.AddConsumer<AlwaysFailingConsumer>());
        using var host = builder.Build();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();

        var faultReason = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new ProbeFailure { ProbeId = Guid.NewGuid() };
        var errors = bus.ConnectReceiveEndpoint("always-failing_error", endpoint =>
        {
            // Read the error queue only: not bound to the message's exchange, so only what was moved there arrives.
            endpoint.ConfigureConsumeTopology = false;
            endpoint.Handler<ProbeFailure>(context =>
            {
                if (context.Message.ProbeId == probe.ProbeId)
                    faultReason.TrySetResult(context.ReceiveContext.TransportHeaders.Get<string>("MT-Fault-Message"));
                return Task.CompletedTask;
            });
        });
        await errors.Ready;

        await bus.Publish(probe);
        var reason = await faultReason.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal(AlwaysFailingConsumer.Reason, reason);
        Assert.Equal(3, AlwaysFailingConsumer.Attempts[probe.ProbeId]);
    }
}

public sealed record ProbeFailure
{
    public required Guid ProbeId { get; init; }
}

public sealed class AlwaysFailingConsumer : IConsumer<ProbeFailure>
{
    public const string Reason = "probe: this message can never be processed";

    public static ConcurrentDictionary<Guid, int> Attempts { get; } = new();

    public Task Consume(ConsumeContext<ProbeFailure> context)
    {
        Attempts.AddOrUpdate(context.Message.ProbeId, 1, (_, count) => count + 1);
        throw new InvalidOperationException(Reason);
    }
}
