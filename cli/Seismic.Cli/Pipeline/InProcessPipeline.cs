using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Seismic.Beamformer;
using Seismic.Classifier;
using Seismic.Cli.Commands;
using Seismic.Configuration;
using Seismic.Contracts.Ingest;
using Seismic.Hosting;
using Seismic.Ingest;
using Seismic.Reporter;
using Seismic.Reporter.Processing;
using Seismic.Trainer;

namespace Seismic.Cli.Pipeline;

/// <summary>
/// The five workers in this process: on the in-memory bus, or on a broker when one is named (then other
/// processes on that broker share the work). What `seismic run`, `seismic backfill` and `seismic demo` start.
/// </summary>
internal sealed class InProcessPipeline : IAsyncDisposable
{
    private InProcessPipeline(IHost host, SeismicSettings settings, StageTimer timer)
    {
        Host = host;
        Settings = settings;
        Timer = timer;
    }

    public IHost Host { get; }

    public SeismicSettings Settings { get; }

    /// <summary>Time each stage spent on its messages.</summary>
    public StageTimer Timer { get; }

    public IBus Bus => Host.Services.GetRequiredService<IBus>();

    /// <summary>Builds the host; a bad settings file or override throws <see cref="SettingsException"/> naming the key.</summary>
    /// <param name="config">--config, or null for the default search.</param>
    /// <param name="rabbitMqUri">--rabbitmq, or null for the in-memory bus.</param>
    /// <param name="overrides">Settings overridden for this run, checked like the file.</param>
    /// <param name="quiet">Only errors on the console (a progress display owns it); the summary says the rest.</param>
    /// <param name="services">More services for this run (observers, console reporters).</param>
    /// <param name="live">Monitor source.uri live when it is a SeedLink server (`seismic run`; never a backfill or the demo).</param>
    public static InProcessPipeline Build(
        FileInfo? config, string? rabbitMqUri, IReadOnlyDictionary<string, string>? overrides = null, bool quiet = false,
        Action<IServiceCollection, SeismicSettings>? services = null, bool live = false)
    {
        var builder = CommonOptions.HostBuilder(config, rabbitMqUri);
        if (quiet)
            builder.Configuration.AddInMemoryCollection([new("Serilog:MinimumLevel:Default", "Error"), new("Serilog:MinimumLevel:Override:MassTransit", "Error")]);
        builder.AddServiceDefaults("seismic");
        var settings = builder.LoadSeismicSettings(overrides);
        builder.AddSeismicBus(BusTransport.InMemory, bus => bus
            .AddIngestWorker(settings, live)
            .AddBeamformerWorker(settings)
            .AddClassifierWorker(settings)
            .AddTrainerWorker(settings)
            .AddReporterWorker(settings));
        var timer = new StageTimer();
        builder.Services.AddSingleton(timer);
        builder.Services.AddConsumeObserver(_ => timer);
        services?.Invoke(builder.Services, settings);
        return new InProcessPipeline(builder.Build(), settings, timer);
    }

    public Task StartAsync(CancellationToken cancellation) => Host.StartAsync(cancellation);

    /// <summary>
    /// Draws the overview and map of the days a finished backfill touched now, and says where they are (the reporter
    /// would draw them on its next tick or when it stops, after the summary a person reads).
    /// </summary>
    public void DrawDayPictures(BackfillInterval request, BackfillFollower follower)
    {
        if (!Settings.Reports.DayPictures)
            return;
        foreach (var drawn in Host.Services.GetRequiredService<DayPictures>().Draw(BackfillRun.ReportedDays(request, follower.Events)))
        {
            Console.WriteLine(drawn.Problem is null
                ? $"  day pictures: {Path.Combine(drawn.Folder, "overview.png")} and map.png ({drawn.Events} events)"
                : $"  no day pictures for {drawn.DayUtc:yyyy-MM-dd}: {drawn.Problem}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
    }
}
