using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Seismic.Hosting;

namespace Seismic.Cli.Commands;

/// <summary>Options several commands share, and how they reach the host's configuration.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo?> Config() => new("--config", "-c")
    {
        Description = "Settings file (default: $SEISMIC_CONFIG, ./config/seismic.yaml, or the copy next to the program)",
    };

    public static Option<string?> RabbitMq() => new("--rabbitmq")
    {
        Description = "Use this RabbitMQ broker instead of the in-memory bus, e.g. amqp://guest:guest@localhost:5672/",
    };

    /// <summary>A host builder that sees the command's options as configuration, ahead of appsettings and environment.</summary>
    public static HostApplicationBuilder HostBuilder(FileInfo? config, string? rabbitMqUri)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        var overrides = new Dictionary<string, string?>();
        if (config is not null)
            overrides[SettingsHosting.ConfigFileKey] = config.FullName;
        if (rabbitMqUri is not null)
        {
            overrides[$"{BusOptions.SectionName}:Transport"] = nameof(BusTransport.RabbitMq);
            overrides[$"{BusOptions.SectionName}:RabbitMq:Uri"] = rabbitMqUri;
        }
        builder.Configuration.AddInMemoryCollection(overrides);
        return builder;
    }
}
