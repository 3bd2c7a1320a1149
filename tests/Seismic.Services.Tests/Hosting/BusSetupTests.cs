using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Seismic.Configuration;
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

    [Fact]
    public void Should_name_the_key_of_an_unusable_broker_address()
    {
        var builder = Builder(new() { ["Seismic:Bus:RabbitMq:Uri"] = "http://rabbit.example/" });

        var error = Assert.Throws<SettingsException>(() => builder.AddSeismicBus(BusTransport.RabbitMq, _ => { }));

        Assert.Contains("Seismic:Bus:RabbitMq:Uri", error.Message);
        Assert.Contains("'http'", error.Message);
    }

    [Fact]
    public void Should_name_the_key_of_a_value_of_the_wrong_kind()
    {
        var builder = Builder(new() { ["Seismic:Bus:Transport"] = "Carrier pigeon", ["Seismic:Bus:RetryCount"] = "-1" });

        var error = Assert.Throws<SettingsException>(() => builder.AddSeismicBus(BusTransport.RabbitMq, _ => { }));

        Assert.Contains("Seismic:Bus", error.Message);
        Assert.Contains("Carrier pigeon", error.Message);
    }

    [Fact]
    public void Should_refuse_a_negative_retry_count()
    {
        var builder = Builder(new() { ["Seismic:Bus:RetryCount"] = "-1" });

        Assert.Contains("Seismic:Bus:RetryCount", Assert.Throws<SettingsException>(() => builder.AddSeismicBus(BusTransport.InMemory, _ => { })).Message);
    }
}
