using System.CommandLine;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Seismic.Cli.Pipeline;
using Seismic.Configuration;
using Seismic.Contracts.Ingest;
using Seismic.Hosting;

namespace Seismic.Cli.Commands;

/// <summary>
/// `seismic backfill`: process a past interval. Without a broker the whole pipeline runs in this process and the
/// command ends when the interval is reported; with one, the command goes to the pipeline on that broker and is
/// followed there (or not, with --no-wait).
/// </summary>
internal static class BackfillCommand
{
    public static Command Create()
    {
        var start = new Option<string>("--start") { Description = "Start of the interval, UTC (ISO 8601, e.g. 2024-03-12T00:00:00Z)", Required = true };
        var end = new Option<string>("--end") { Description = "End of the interval, UTC; after --start", Required = true };
        var source = new Option<string?>("--source") { Description = "Waveforms: sds:///archive, file:///data/*.mseed, fdsnws://host[:port] or an http(s) FDSN base URL (default: source.uri of the settings)" };
        var inventory = new Option<string?>("--inventory") { Description = "The array's StationXML file, or fdsnws://host for its station service (default: array.inventory_path)" };
        var catalog = new Option<string?>("--catalog") { Description = "Known events: a QuakeML file or fdsnws://host; segments are cut around them (default: source.catalog_uri; none: the detector finds the events)" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for events.csv and windows.csv when the pipeline runs here (default: paths.reports_dir)" };
        var array = new Option<string?>("--array") { Description = "Array code (default: array.code of the settings)" };
        var noWait = new Option<bool>("--no-wait") { Description = "With --rabbitmq: publish and return at once instead of following the backfill" };
        var config = CommonOptions.Config();
        var rabbitMq = CommonOptions.RabbitMq();
        rabbitMq.Description = "Send the backfill to the pipeline on this broker instead of running the pipeline here, e.g. amqp://user:password@localhost:5672/";
        var command = new Command("backfill", "Process a past interval: read it from a source, beam, detect, classify and report it")
        {
            start, end, source, inventory, catalog, output, array, noWait, config, rabbitMq,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (!BackfillRun.TryParseUtc(parse.GetValue(start)!, "--start", out var startUtc) || !BackfillRun.TryParseUtc(parse.GetValue(end)!, "--end", out var endUtc))
                return 2;
            if (endUtc <= startUtc)
            {
                Console.Error.WriteLine($"--end ({endUtc:O}) must be after --start ({startUtc:O}).");
                return 2;
            }

            var broker = parse.GetValue(rabbitMq);
            var reportsFolder = parse.GetValue(output);
            if (broker is not null && reportsFolder is not null)
            {
                Console.Error.WriteLine("--out applies when the pipeline runs in this process; with --rabbitmq the reporter's paths.reports_dir is where the reports go.");
                return 2;
            }

            var request = new BackfillInterval
            {
                BackfillId = NewId.NextGuid(),
                ArrayCode = parse.GetValue(array) ?? "",
                StartUtc = startUtc,
                EndUtc = endUtc,
                // Paths are the user's, relative to where the command runs; the worker may run elsewhere.
                SourceUri = Absolute(parse.GetValue(source)),
                InventoryUri = Absolute(parse.GetValue(inventory)),
                CatalogUri = Absolute(parse.GetValue(catalog)),
                RequestedBy = Environment.UserName,
                RequestedAtUtc = DateTime.UtcNow,
            };
            return broker is null
                ? await InProcess(parse.GetValue(config), request, reportsFolder, cancellation)
                : await OverBroker(parse.GetValue(config), broker, request, parse.GetValue(noWait), cancellation);
        });
        return command;
    }

    private static async Task<int> InProcess(FileInfo? config, BackfillInterval request, DirectoryInfo? reportsFolder, CancellationToken cancellation)
    {
        InProcessPipeline pipeline;
        try
        {
            var overrides = reportsFolder is null ? null : new Dictionary<string, string> { ["paths.reports_dir"] = reportsFolder.FullName };
            pipeline = InProcessPipeline.Build(config, rabbitMqUri: null, overrides, quiet: true);
        }
        catch (SettingsException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            return 2;
        }

        await using (pipeline)
        {
            await pipeline.StartAsync(cancellation);
            request = request with { ArrayCode = request.ArrayCode.Length > 0 ? request.ArrayCode : pipeline.Settings.Array.Code };
            Console.WriteLine($"Backfilling {request.ArrayCode} from {request.StartUtc:O} to {request.EndUtc:O} in this process (source {request.SourceUri ?? pipeline.Settings.Source.Uri}).");
            var clock = Stopwatch.StartNew();
            var follower = await BackfillRun.PublishAndFollow(pipeline.Bus, request, pipeline.Settings.Reports.EventGifs, cancellation);
            var outcome = Outcome(request, follower, clock.Elapsed, pipeline.Timer);
            if (follower.Refusal is null)
                pipeline.DrawDayPictures(request, follower);
            return outcome;
        }
    }

    private static async Task<int> OverBroker(FileInfo? config, string broker, BackfillInterval request, bool noWait, CancellationToken cancellation)
    {
        var builder = CommonOptions.HostBuilder(config, broker);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        try
        {
            builder.AddSeismicBus(BusTransport.RabbitMq, _ => { });
        }
        catch (SettingsException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            return 2;
        }

        if (request.ArrayCode.Length == 0)
        {
            // The workers check the array code against their own settings; this one names the array they are expected to watch.
            try
            {
                request = request with { ArrayCode = (config is null ? SettingsLoader.LoadDefault() : SettingsLoader.Load(config.FullName)).Array.Code };
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine($"--array is not given and the settings cannot be read for array.code: {invalid.Message}");
                return 2;
            }
        }

        using var host = builder.Build();
        await host.StartAsync(cancellation);
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            if (noWait)
            {
                await bus.Publish(request, cancellation);
                Console.WriteLine($"Published backfill {request.BackfillId}: {request.ArrayCode} {request.StartUtc:O} to {request.EndUtc:O}.");
                return 0;
            }
            Console.WriteLine($"Backfill {request.BackfillId}: {request.ArrayCode} {request.StartUtc:O} to {request.EndUtc:O}, sent to the pipeline at {broker}.");
            var clock = Stopwatch.StartNew();
            var follower = await BackfillRun.PublishAndFollow(bus, request, waitForPictures: false, cancellation);
            return Outcome(request, follower, clock.Elapsed, timer: null);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("Stopped following; the backfill goes on in the pipeline.");
            return 130;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static int Outcome(BackfillInterval request, BackfillFollower follower, TimeSpan elapsed, StageTimer? timer)
    {
        if (follower.Refusal is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            return 1;
        }
        BackfillRun.PrintSummary(request, follower, elapsed, timer);
        return follower.Completed!.SegmentsSucceeded == 0 ? 1 : 0;
    }

    private static string? Absolute(string? location) => Locations.Resolve(location, Directory.GetCurrentDirectory());
}
