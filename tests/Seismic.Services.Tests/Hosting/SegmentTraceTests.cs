using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Seismic.Beamformer;
using Seismic.Classifier;
using Seismic.Configuration;
using Seismic.Contracts.Ingest;
using Seismic.Hosting;
using Seismic.Ingest;
using Seismic.Reporter;
using Seismic.Services.Tests.Classifier;
using Seismic.Services.Tests.Ingest;
using Seismic.TestSupport;

namespace Seismic.Services.Tests.Hosting;

/// <summary>
/// Ingest, beamformer, classifier and reporter in one host on the in-memory bus, as `seismic backfill` runs them:
/// the trace that starts where ingest publishes a segment reaches the reporter's consumption of that segment's rows.
/// </summary>
public sealed class SegmentTraceTests(SimulatedArchive archive) : IClassFixture<SimulatedArchive>, IDisposable
{
    private readonly ClassifierFixture _models = new();

    public void Dispose() => _models.Dispose();

    [Fact]
    public async Task Should_carry_one_trace_from_the_ingested_segment_to_the_reporter_consuming_its_rows()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ServiceDefaults.TelemetryName or "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        _models.Register(name: "tiny");
        var settings = SettingsLoader.Load(RepositoryPaths.SettingsFile, new Dictionary<string, string>
        {
            ["source.uri"] = archive.SourceUri,
            ["array.inventory_path"] = archive.Run.Output.InventoryPath,
            // The classifier fixture's tiny model: 1 s windows at 40 Hz.
            ["window.length_s"] = "1",
            ["window.step_s"] = "0.5",
            ["window.p_position_s"] = "0.5",
            ["model.name"] = "tiny",
            ["paths.models_dir"] = _models.Registry.Root,
            ["paths.output_dir"] = Path.Combine(_models.Folder, "output"),
            ["paths.reports_dir"] = Path.Combine(_models.Folder, "reports"),
            ["reports.event_gifs"] = "false",
            ["reports.day_pictures"] = "false",
        });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Seismic:Bus:MessageDataPath", Path.Combine(_models.Folder, "message-data"))]);
        builder.Services.AddSingleton(settings);
        builder.AddSeismicBus(BusTransport.InMemory, bus => bus
            .AddIngestWorker(settings, live: false)
            .AddBeamformerWorker(settings)
            .AddClassifierWorker(settings)
            .AddReporterWorker(settings));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<IBus>().Publish(new BackfillInterval
            {
                BackfillId = Guid.NewGuid(),
                ArrayCode = "ARCES",
                StartUtc = SimulatedArchive.StartUtc.AddMinutes(10),
                EndUtc = SimulatedArchive.StartUtc.AddMinutes(20),
                RequestedBy = "test",
                RequestedAtUtc = DateTime.UtcNow,
            });

            // The reporter's consumption of a segment's windows: MassTransit's consume span, tagged with the segment.
            Activity? reported = null;
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (reported is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
                reported = stopped.FirstOrDefault(activity => activity.Source.Name == "MassTransit" && activity.Kind == ActivityKind.Consumer
                    && activity.GetTagItem(ConsumeTelemetryObserver.SegmentIdTag) is string
                    && Describe(activity).Contains("WindowsClassified", StringComparison.OrdinalIgnoreCase));
            }
            Assert.True(reported is not null, "no consume span of WindowsClassified with a segment id; spans seen:\n" + string.Join("\n", stopped.Take(60).Select(Describe)));

            var segmentId = (string)reported.GetTagItem(ConsumeTelemetryObserver.SegmentIdTag)!;
            // The listener hears the whole test process, where other tests may ingest the same simulated segment in
            // traces of their own: the reported rows' trace must be one that an ingest of this segment began.
            var ingestedSpans = stopped.Where(activity => activity.Source.Name == ServiceDefaults.TelemetryName
                && activity.OperationName == "ingest segment" && (string?)activity.GetTagItem(ConsumeTelemetryObserver.SegmentIdTag) == segmentId).ToList();
            var ingested = Assert.Single(ingestedSpans, span => span.TraceId == reported.TraceId);
            // The beamformer's and the classifier's consumption of the same segment are in that trace too.
            var stages = stopped.Where(activity => activity.Kind == ActivityKind.Consumer && activity.TraceId == ingested.TraceId
                && (string?)activity.GetTagItem(ConsumeTelemetryObserver.SegmentIdTag) == segmentId).Select(Describe).ToList();
            Assert.Contains(stages, stage => stage.Contains("WaveformSegmentIngested", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(stages, stage => stage.Contains("BeamsFormed", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>A span's name and tags, to match a message type whichever tag MassTransit writes it in, and to say what was seen.</summary>
    private static string Describe(Activity activity) =>
        $"{activity.Source.Name} {activity.Kind} '{activity.DisplayName}' {string.Join(", ", activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))}";
}
