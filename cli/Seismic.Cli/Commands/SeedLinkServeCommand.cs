using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Seismic.SeedLink.Server;

namespace Seismic.Cli.Commands;

/// <summary>`seismic seedlink serve`: replay an SDS archive as a SeedLink server (protocol 3 and 4), as SeisComP's playback does.</summary>
internal static class SeedLinkServeCommand
{
    public static Command Create()
    {
        var archive = new Option<string>("--archive") { Description = "The SDS archive to replay: sds:///path or a folder", Required = true };
        var speed = new Option<double>("--speed") { Description = "Replay this many times faster than real time", DefaultValueFactory = _ => 1 };
        var start = new Option<DateTime?>("--start") { Description = "Replay from this time (UTC; default: the archive's first sample)" };
        var end = new Option<DateTime?>("--end") { Description = "Stop releasing data at this time (UTC; default: the archive's end)" };
        var port = new Option<int>("--port") { Description = "TCP port to listen on", DefaultValueFactory = _ => 18000 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on (0.0.0.0 for every interface)", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Serve an SDS archive over SeedLink, replayed at --speed times real time, until Ctrl-C")
        {
            archive, speed, start, end, port, bind,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var folder = parse.GetValue(archive)!;
            if (folder.StartsWith("sds://", StringComparison.OrdinalIgnoreCase))
                folder = folder["sds://".Length..];
            if (!IPAddress.TryParse(parse.GetValue(bind), out var address))
            {
                Console.Error.WriteLine($"--bind: '{parse.GetValue(bind)}' is not an IP address (e.g. 127.0.0.1 or 0.0.0.0)");
                return 2;
            }
            var options = new ReplayOptions(Path.GetFullPath(folder), parse.GetValue(speed), ToUtc(parse.GetValue(start)), ToUtc(parse.GetValue(end)));
            using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
            SeedLinkReplayServer server;
            try
            {
                server = SeedLinkReplayServer.Start(options, new IPEndPoint(address, parse.GetValue(port)), logger: loggers.CreateLogger("Seismic.SeedLink"));
            }
            catch (ReplayException unusable)
            {
                Console.Error.WriteLine($"Cannot replay: {unusable.Message}");
                return 2;
            }
            catch (SocketException taken)
            {
                Console.Error.WriteLine($"Cannot listen on {address}:{parse.GetValue(port)}: {taken.Message}");
                return 2;
            }

            await using (server)
            {
                var replay = server.Replay;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"SeedLink (protocol 3 and 4) on {address}:{server.Port}: {replay.StationIds.Count} stations, {replay.Channels.Count} channels of {options.ArchivePath}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Replaying {replay.StartUtc:yyyy-MM-ddTHH:mm:ssZ} to {replay.EndUtc:yyyy-MM-ddTHH:mm:ssZ} at {options.Speed:G} times real time; Ctrl-C stops."));
                try
                {
                    while (!cancellation.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(30), cancellation);
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"Replay time {replay.NowUtc:yyyy-MM-ddTHH:mm:ssZ}, {server.ConnectionCount} client(s){(replay.Finished ? ", archive played to its end" : "")}"));
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }
            return 0;
        });
        return command;
    }

    private static DateTime? ToUtc(DateTime? time) => time is { } t ? (t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime()) : null;
}
