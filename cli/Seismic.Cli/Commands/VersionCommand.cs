using System.CommandLine;
using System.Reflection;

namespace Seismic.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of Seismic and of the runtime");
        command.SetAction(_ =>
        {
            var assembly = typeof(VersionCommand).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "unknown";
            Console.WriteLine($"seismic {version}");
            Console.WriteLine($".NET {Environment.Version}, MassTransit {typeof(MassTransit.IBus).Assembly.GetName().Version}");
            return 0;
        });
        return command;
    }
}
