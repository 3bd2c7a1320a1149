using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Seismic.Hosting;

namespace Seismic.Integration.Tests;

/// <summary>This test process as a host on the broker, configured by the same code as every worker.</summary>
internal sealed class Publisher : IAsyncDisposable
{
    private readonly IHost _host;

    private Publisher(IHost host) => _host = host;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    /// <summary>Puts bytes in this publisher's claim-check store (the environment's message-data folder).</summary>
    public Task<MessageData<byte[]>> PutBytes(byte[] payload) =>
        _host.Services.GetRequiredService<IMessageDataRepository>().PutBytes(payload);

    /// <summary>A host on the environment's broker, or on <paramref name="brokerUri"/> when given.</summary>
    public static async Task<Publisher> Start(WorkerEnvironment environment, string? brokerUri = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(environment.Variables
            .Where(variable => variable.Key.StartsWith("Seismic__", StringComparison.Ordinal))
            .Select(variable => KeyValuePair.Create(variable.Key.Replace("__", ":"), (string?)variable.Value)));
        if (brokerUri is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Seismic:Bus:Transport"] = "RabbitMq",
                ["Seismic:Bus:RabbitMq:Uri"] = brokerUri,
            });
        }
        builder.AddSeismicBus(BusTransport.RabbitMq, _ => { });
        var host = builder.Build();
        await host.StartAsync();
        return new Publisher(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
