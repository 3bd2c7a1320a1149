using System.CommandLine;

namespace Seismic.Cli.Commands;

/// <summary>Placeholder until the SeedLink fetch command lands.</summary>
internal static class SeedLinkFetchCommand
{
    public static Command Create() => new("fetch", "(being built)");
}
