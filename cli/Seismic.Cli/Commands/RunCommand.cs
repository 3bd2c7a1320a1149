using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Cli.Pipeline;
using Seismic.Configuration;

namespace Seismic.Cli.Commands;

/// <summary>`seismic run`: every worker in this one process, on the in-memory bus unless a broker is named.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var rabbitMq = CommonOptions.RabbitMq();
        var command = new Command("run", "Run all workers (ingest, beamformer, classifier, trainer, reporter) in one process until Ctrl-C")
        {
            config,
            rabbitMq,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            InProcessPipeline pipeline;
            try
            {
                pipeline = InProcessPipeline.Build(parse.GetValue(config), parse.GetValue(rabbitMq));
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }
            pipeline.Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Seismic.Run").LogInformation(
                "Running ingest, beamformer, classifier, trainer and reporter in one process; reports (events.csv, windows.csv) go to {ReportsFolder}. Press Ctrl-C to stop.",
                pipeline.Settings.Paths.ReportsDir);
            // RunAsync stops and disposes the host when Ctrl-C or SIGTERM arrives.
            await pipeline.Host.RunAsync(cancellation);
            return 0;
        });
        return command;
    }
}
