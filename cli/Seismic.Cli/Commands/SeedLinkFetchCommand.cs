using System.CommandLine;
using System.Globalization;
using Seismic.SeedLink.Client;
using Seismic.Waveforms.MiniSeed;

namespace Seismic.Cli.Commands;

/// <summary>`seismic seedlink fetch`: a diagnostic SeedLink client in the spirit of slinktool, writing what it receives.</summary>
internal static class SeedLinkFetchCommand
{
    public static Command Create()
    {
        var address = new Argument<string>("uri") { Description = "The server, seedlink://host[:port]" };
        var select = new Option<string[]>("--select") { Description = "Stations and channels: NET_STA[:CHANNELS], e.g. NO_ARA0:BHZ (repeatable)", Required = true, AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds" };
        var until = new Option<DateTime?>("--until") { Description = "End of the time window (UTC): stop at data of this time" };
        var from = new Option<DateTime?>("--from") { Description = "Start of the time window (UTC): data from this time on, where the server still has it" };
        var state = new Option<FileInfo?>("--state") { Description = "State file: resume where the last fetch stopped, and keep the place for the next" };
        var protocol = new Option<int?>("--protocol") { Description = "3 or 4 (default: 4 where the server offers it)" };
        var output = new Option<FileInfo?>("--out") { Description = "Write (append) the records to this miniSEED file" };
        var info = new Option<string?>("--info") { Description = "Print the server's INFO at this level (ID, STATIONS, STREAMS, CAPABILITIES) instead of fetching" };
        var quiet = new Option<bool>("--quiet") { Description = "No line per record" };
        var command = new Command("fetch", "Receive records from a SeedLink server and write them to a file (an operator's first check of a server)")
        {
            address, select, seconds, until, from, state, protocol, output, info, quiet,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            SeedLinkClientOptions options;
            try
            {
                var stations = parse.GetValue(select)!.SelectMany(StationRequest.ParseList).ToList();
                var fromUtc = ToUtc(parse.GetValue(from));
                var untilUtc = ToUtc(parse.GetValue(until));
                if (fromUtc is { } f && untilUtc is { } u && u <= f)
                    throw new FormatException($"--until ({u:O}) is not after --from ({f:O})");
                options = new SeedLinkClientOptions
                {
                    Address = parse.GetValue(address)!,
                    Stations = stations,
                    StartUtc = fromUtc,
                    EndUtc = untilUtc,
                    StateFilePath = parse.GetValue(state)?.FullName,
                    Protocol = parse.GetValue(protocol) switch
                    {
                        null => ProtocolPreference.Auto,
                        3 => ProtocolPreference.Version3,
                        4 => ProtocolPreference.Version4,
                        var other => throw new FormatException($"--protocol: {other} is neither 3 nor 4"),
                    },
                    StateSaveInterval = TimeSpan.FromSeconds(1),
                };
                SeedLinkClient.ParseAddress(options.Address);
            }
            catch (FormatException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (parse.GetValue(seconds) is { } duration)
                limit.CancelAfter(TimeSpan.FromSeconds(duration));
            try
            {
                await using var client = new SeedLinkClient(options);
                client.StateChanged += (state, description) => Console.Error.WriteLine($"{state}: {description}");
                if (parse.GetValue(info) is { } level)
                {
                    Console.WriteLine(await client.InfoAsync(level.ToUpperInvariant(), limit.Token));
                    return 0;
                }
                return await FetchAsync(client, parse.GetValue(output), parse.GetValue(quiet), limit.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception failed) when (failed is SeedLinkException or InvalidDataException or IOException or TimeoutException)
            {
                Console.Error.WriteLine(failed.Message);
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> FetchAsync(SeedLinkClient client, FileInfo? output, bool quiet, CancellationToken cancellationToken)
    {
        await using var file = output is null ? null : new FileStream(output.FullName, FileMode.Append, FileAccess.Write);
        long records = 0, bytes = 0;
        try
        {
            await foreach (var record in client.ReadAsync(cancellationToken))
            {
                records++;
                bytes += record.MiniSeed.Length;
                if (file is not null)
                    await file.WriteAsync(record.MiniSeed, cancellationToken);
                if (!quiet && MiniSeedReader.Read(record.MiniSeed).Records.FirstOrDefault() is { } parsed)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{record.StationId} seq {record.Sequence,8} {parsed.SourceId.SeedCode} {parsed.StartTime} {parsed.SampleCount,5} samples {parsed.SampleRateHz:G} Hz (miniSEED {record.Format})"));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        Console.Error.WriteLine($"{records} records, {bytes} bytes from {client.Address} (protocol {client.ProtocolVersion}, {client.Connections} connection(s)){(output is null ? "" : $", written to {output.FullName}")}");
        return 0;
    }

    private static DateTime? ToUtc(DateTime? time) => time is { } t ? (t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime()) : null;
}
