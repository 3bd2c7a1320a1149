using System.CommandLine;

namespace Seismic.Cli.Commands;

/// <summary>`seismic seedlink`: an operator's SeedLink tools, a diagnostic client and a replay server.</summary>
internal static class SeedLinkCommand
{
    public static Command Create() => new("seedlink", "SeedLink tools: fetch records from a server (a first check of it), serve an SDS archive as a replayed real-time stream")
    {
        SeedLinkFetchCommand.Create(),
        SeedLinkServeCommand.Create(),
    };
}
