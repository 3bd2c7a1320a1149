using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seismic.Beamformer;
using Seismic.Classifier;
using Seismic.Configuration;
using Seismic.Hosting;
using Seismic.Ingest;
using Seismic.Reporter;
using Seismic.Trainer;

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
            var builder = CommonOptions.HostBuilder(parse.GetValue(config), parse.GetValue(rabbitMq));
            builder.AddServiceDefaults("seismic");
            SeismicSettings settings;
            try
            {
                settings = builder.LoadSeismicSettings();
                builder.AddSeismicBus(BusTransport.InMemory, bus => bus
                    .AddIngestWorker(settings)
                    .AddBeamformerWorker(settings)
                    .AddClassifierWorker(settings)
                    .AddTrainerWorker(settings)
                    .AddReporterWorker(settings));
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }
            using var host = builder.Build();
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Seismic.Run").LogInformation(
                "Running ingest, beamformer, classifier, trainer and reporter in one process; reports go to {ReportsFolder}. Press Ctrl-C to stop.",
                Path.GetFullPath(settings.Paths.ReportsDir));
            await host.RunAsync(cancellation);
            return 0;
        });
        return command;
    }
}
