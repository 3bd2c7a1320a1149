using System.CommandLine;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seismic.Configuration;
using Seismic.Contracts.Operations;
using Seismic.Contracts.Training;
using Seismic.Hosting;
using Seismic.Trainer;
using Spectre.Console;

namespace Seismic.Cli.Commands;

/// <summary>
/// `seismic train`: publish a TrainModel command and follow its progress. Without a broker the trainer runs
/// in this process on the in-memory bus; with one, a trainer host anywhere on that broker picks it up.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset") { Description = "Dataset folder in SeisBench format (metadata.csv, waveforms.hdf5), as the trainer host sees it", Required = true };
        var architecture = new Option<string>("--architecture") { Description = "alexnet, cnn_dense or compact", DefaultValueFactory = _ => "compact" };
        var name = new Option<string?>("--name") { Description = "Model name the new version is registered under (default: model.name of the settings)" };
        var set = new Option<string[]>("--set")
        {
            Description = "Override a setting for this run, e.g. --set optimizer.max_epochs=5 or --set hyperparameters.dropout=0.2 (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var wait = new Option<bool>("--wait") { Description = "With --rabbitmq: follow the progress until the model is published or the training fails" };
        var config = CommonOptions.Config();
        var rabbitMq = CommonOptions.RabbitMq();
        var command = new Command("train", "Train a model on a dataset and publish it as a new version (the classifier switches to it)")
        {
            dataset, architecture, name, set, wait, config, rabbitMq,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (!TryParseOverrides(parse.GetValue(set) ?? [], out var overrides))
                return 2;
            var broker = parse.GetValue(rabbitMq);
            var builder = CommonOptions.HostBuilder(parse.GetValue(config), broker);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            SeismicSettings settings;
            try
            {
                settings = builder.LoadSeismicSettings();
                // Without a broker nobody else could train it: the trainer runs here.
                builder.AddSeismicBus(BusTransport.InMemory, bus =>
                {
                    if (broker is null)
                        bus.AddTrainerWorker(settings);
                });
            }
            catch (SettingsException invalid)
            {
                Console.Error.WriteLine(invalid.Message);
                return 2;
            }

            var request = new TrainModel
            {
                TrainingId = NewId.NextGuid(),
                DatasetPath = parse.GetValue(dataset)!.FullName,
                Architecture = parse.GetValue(architecture)!,
                ModelName = parse.GetValue(name) ?? settings.Model.Name,
                ConfigOverrides = overrides,
                RequestedBy = Environment.UserName,
                RequestedAtUtc = DateTime.UtcNow,
            };
            using var host = builder.Build();
            await host.StartAsync(cancellation);
            // A trainer in this process that fails stops the host; following would then wait for ever.
            var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var following = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stopping);
            try
            {
                var bus = host.Services.GetRequiredService<IBus>();
                Console.WriteLine($"Training {request.TrainingId}: {request.Architecture} as '{request.ModelName}' on {request.DatasetPath}" +
                    (broker is null ? " (in this process)." : "."));
                if (broker is not null && !parse.GetValue(wait))
                {
                    await bus.Publish(request, cancellation);
                    Console.WriteLine("Published. A trainer on the broker will pick it up; add --wait to follow it.");
                    return 0;
                }
                return await Follow(bus, request, following.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                Console.Error.WriteLine("The trainer in this process stopped before the training ended (its error is above). "
                    + "The command stays queued in the trainer's folder and runs again the next time a trainer starts with these settings.");
                return 1;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                Console.Error.WriteLine(broker is null
                    ? "Stopped. The command stays queued in the trainer's folder and runs again the next time a trainer starts with these settings."
                    : "Stopped following; the training goes on at the trainer.");
                return 130;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });
        return command;
    }

    private static async Task<int> Follow(IBus bus, TrainModel request, CancellationToken cancellation)
    {
        var display = new TrainingDisplay(AnsiConsole.Profile.Capabilities.Interactive);
        return await display.Run(async () => await BusConversation.PublishAndFollow(bus, request, (endpoint, finish) =>
        {
            endpoint.Handler<TrainingProgressed>(context =>
            {
                if (context.Message.TrainingId == request.TrainingId)
                    display.Progressed(context.Message);
                return Task.CompletedTask;
            });
            endpoint.Handler<ModelPublished>(context =>
            {
                if (context.Message.TrainingId == request.TrainingId)
                {
                    display.Published(context.Message);
                    finish(0);
                }
                return Task.CompletedTask;
            });
            endpoint.Handler<StageFailed>(context =>
            {
                if (context.Message.TrainingId == request.TrainingId)
                {
                    display.Failed(context.Message.Reason);
                    finish(1);
                }
                return Task.CompletedTask;
            });
        }, Timeout.InfiniteTimeSpan, cancellation) ?? 1);
    }

    private static bool TryParseOverrides(IEnumerable<string> pairs, out Dictionary<string, string> overrides)
    {
        overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                Console.Error.WriteLine($"--set: '{pair}' is not KEY=VALUE, e.g. optimizer.max_epochs=5");
                return false;
            }
            overrides[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }
        return true;
    }

    /// <summary>A progress bar with loss and ETA on a terminal; one line per epoch when the output is a file or a pipe.</summary>
    private sealed class TrainingDisplay(bool interactive)
    {
        private ProgressTask? _bar;

        public async Task<int> Run(Func<Task<int>> follow)
        {
            if (!interactive)
                return await follow();
            var code = 1;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    _bar = context.AddTask("waiting for the trainer to load the data", maxValue: 1);
                    code = await follow();
                    _bar.StopTask();
                });
            return code;
        }

        public void Progressed(TrainingProgressed progress)
        {
            var line = progress.Epoch == 0
                ? $"data loaded, training up to {progress.MaxEpochs} epochs"
                : string.Create(CultureInfo.InvariantCulture,
                    $"epoch {progress.Epoch}/{progress.MaxEpochs}  loss {progress.TrainTotalLoss:F4}  val {progress.ValTotalLoss:F4}  lr {progress.LearningRate:G3}  ETA {Eta(progress.EstimatedSecondsRemaining)}");
            if (_bar is null)
            {
                Console.WriteLine(line);
                return;
            }
            _bar.MaxValue = Math.Max(1, progress.MaxEpochs);
            _bar.Value = progress.Epoch;
            _bar.Description = Markup.Escape(line);
        }

        public void Published(ModelPublished model)
        {
            var figures = string.Join(", ", model.Metrics
                .Where(m => m.Key.EndsWith("_accuracy", StringComparison.Ordinal) || m.Key.EndsWith("_f1", StringComparison.Ordinal))
                .OrderBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:F3}")));
            if (_bar is not null)
                _bar.Value = _bar.MaxValue;
            Console.WriteLine($"Published {model.ModelName} v{model.Version} ({model.Architecture}) at {model.OnnxLocation}");
            Console.WriteLine(figures);
        }

        public void Failed(string reason) => Console.Error.WriteLine($"Training failed: {reason}");

        private static string Eta(double? seconds) =>
            seconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)).ToString(s >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture) : "?";
    }
}
