using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Seismic.Hosting;

namespace Seismic.Services.Tests.Hosting;

public sealed class BusSetupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seismic-bus-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        settings["Seismic:Bus:MessageDataPath"] = Path.Combine(_folder, "message-data");
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    [Fact]
    public void Should_use_the_default_transport_when_the_configuration_names_none()
    {
        var builder = Builder([]);

        builder.AddSeismicBus(BusTransport.RabbitMq, _ => { });

        Assert.Equal(BusTransport.RabbitMq, builder.Services.BuildServiceProvider().GetRequiredService<BusOptions>().Transport);
    }

    [Fact]
    public void Should_let_the_configuration_override_the_default_transport_and_broker()
    {
        var builder = Builder(new()
        {
            ["Seismic:Bus:Transport"] = "InMemory",
            ["Seismic:Bus:RabbitMq:Host"] = "rabbit.example",
            ["Seismic:Bus:RetryCount"] = "7",
        });

        builder.AddSeismicBus(BusTransport.RabbitMq, _ => { });
        var options = builder.Services.BuildServiceProvider().GetRequiredService<BusOptions>();

        Assert.Equal(BusTransport.InMemory, options.Transport);
        Assert.Equal("rabbit.example", options.RabbitMq.Host);
        Assert.Equal(7, options.RetryCount);
    }

    [Fact]
    public async Task Should_store_large_payloads_in_the_configured_folder_for_other_processes()
    {
        var builder = Builder([]);
        builder.AddSeismicBus(BusTransport.InMemory, _ => { });
        await using var provider = builder.Services.BuildServiceProvider();
        var repository = provider.GetRequiredService<IMessageDataRepository>();

        var stored = await repository.PutBytes(new byte[256 * 1024]);
        var readBack = await repository.GetBytes(stored.Address);

        Assert.Equal(256 * 1024, (await readBack.Value).Length);
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(_folder, "message-data"), "*", SearchOption.AllDirectories));
    }
}
