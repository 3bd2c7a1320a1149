using System.CommandLine;

namespace Seismic.Cli.Commands;

/// <summary>Placeholder until the SeedLink serve command lands.</summary>
internal static class SeedLinkServeCommand
{
    public static Command Create() => new("serve", "(being built)");
}
