using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Cli.Pipeline;
using MassTransit;
using Seismic.Configuration;

namespace Seismic.Cli.Commands;

/// <summary>`seismic run`: every worker in this one process, on the in-memory bus unless a broker is named.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var rabbitMq = CommonOptions.RabbitMq();
        var live = new Option<string?>("--live")
        {
            Description = "Monitor this SeedLink server live (seedlink://host:18000), in place of source.uri",
        };
        var latencyCsv = new Option<FileInfo?>("--latency-csv")
        {
            Description = "With --live or a seedlink:// source: write each segment's latency (data complete to rows written) here when stopping",
        };
        var command = new Command("run", "Run all workers (ingest, beamformer, classifier, trainer, reporter) in one process until Ctrl-C")
        {
            config,
            rabbitMq,
            live,
            latencyCsv,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var liveUri = parse.GetValue(live);
            if (liveUri is not null && !liveUri.StartsWith("seedlink://", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"--live needs a SeedLink address such as seedlink://localhost:18000, got '{liveUri}'");
                return 2;
            }
            var latency = new LiveLatency();
            InProcessPipeline pipeline;
            try
            {
                var overrides = liveUri is null ? null : new Dictionary<string, string> { ["source.uri"] = liveUri };
                pipeline = InProcessPipeline.Build(parse.GetValue(config), parse.GetValue(rabbitMq), overrides, live: true, services: (services, settings) =>
                {
                    if (settings.Source.Scheme != SourceScheme.Seedlink)
                        return;
                    services.AddSingleton(latency);
                    services.AddPublishObserver(_ => latency);
                    services.AddHostedService(provider => new LiveConsole(
                        provider.GetRequiredService<Seismic.Ingest.Live.LiveStatus>(), latency, TimeProvider.System, Console.Out));
                });
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }
            pipeline.Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Seismic.Run").LogInformation(
                "Running ingest, beamformer, classifier, trainer and reporter in one process; reports go to {ReportsFolder}/<day>/ (events.csv, windows.csv, catalog.xml, overview.png, map.png, events/*.gif). Press Ctrl-C to stop.",
                pipeline.Settings.Paths.ReportsDir);
            // RunAsync stops and disposes the host when Ctrl-C or SIGTERM arrives.
            await pipeline.Host.RunAsync(cancellation);
            if (latency.Summary() is { } summary)
            {
                Console.WriteLine($"Live latency, data complete to rows written: {summary.Count} segments, median {summary.Median:0.00} s, 99th percentile {summary.P99:0.00} s, max {summary.Max:0.00} s");
                if (parse.GetValue(latencyCsv) is { } csv)
                {
                    latency.WriteCsv(csv.FullName);
                    Console.WriteLine($"Per-segment latency: {csv.FullName}");
                }
            }
            return 0;
        });
        return command;
    }
}
