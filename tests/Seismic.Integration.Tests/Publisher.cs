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

    public static async Task<Publisher> Start(WorkerEnvironment environment)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(environment.Variables
            .Where(variable => variable.Key.StartsWith("Seismic__", StringComparison.Ordinal))
            .Select(variable => KeyValuePair.Create(variable.Key.Replace("__", ":"), (string?)variable.Value)));
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
