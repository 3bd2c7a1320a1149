using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Reporter.Consumers;
using Seismic.Configuration;
using Seismic.Hosting;
using Seismic.Reporter.Processing;
using Seismic.TestSupport;

namespace Seismic.Services.Tests.Reporter;

public sealed class EventClassifiedConsumerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seismic-reports-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Should_append_a_published_decision_to_the_events_csv()
    {
        var provider = new ServiceCollection()
            .AddSingleton(new ReportBook(_folder))
            .AddSingleton(new DailyCatalog(_folder, "NO"))
            .AddSingleton(new DayPictures(_folder, SettingsLoader.Load(RepositoryPaths.SettingsFile)))
            .AddSingleton(TimeProvider.System)
            // The consumers count the rows they write, as the reporter worker registers them.
            .AddMetrics()
            .AddSingleton<PipelineMetrics>()
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<EventClassifiedConsumer, EventClassifiedConsumerDefinition>();
                bus.AddConsumer<WindowsClassifiedConsumer, WindowsClassifiedConsumerDefinition>();
            })
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(ReportSamples.Event());
        await harness.Bus.Publish(ReportSamples.Windows(3));

        Assert.True(await harness.GetConsumerHarness<EventClassifiedConsumer>().Consumed.Any<Seismic.Contracts.Classification.EventClassified>());
        Assert.True(await harness.GetConsumerHarness<WindowsClassifiedConsumer>().Consumed.Any<Seismic.Contracts.Classification.WindowsClassified>());
        Assert.Contains("smi:local/event/1,2023-10-30T12:01:30.000Z,160.5,picks,explosion", File.ReadAllText(Path.Combine(_folder, "2023-10-30", "events.csv")));
        // Followers of a backfill learn that the rows are on disk.
        Assert.True(await harness.Published.Any<Seismic.Contracts.Reports.ReportRowsWritten>(c => c.Context.Message.EventId == "smi:local/event/1" && c.Context.Message.RowsAdded == 1));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_folder, "2023-10-30", "windows.csv")).Length);
        // And the day's QuakeML catalog holds it.
        var catalog = Seismic.Metadata.QuakeMl.QuakeMlReader.ReadFile(Path.Combine(_folder, "2023-10-30", "catalog.xml"));
        Assert.Equal("explosion", Assert.Single(catalog.Events).Type);

        // The consumers marked the day: its overview and map are drawn from its files.
        var drawn = Assert.Single(provider.GetRequiredService<DayPictures>().DrawChanged());
        Assert.Null(drawn.Problem);
        Assert.Equal((Path.Combine(_folder, "2023-10-30"), 1), (drawn.Folder, drawn.Events));
        using (var overview = new ImageMagick.MagickImage(Path.Combine(_folder, "2023-10-30", "overview.png")))
            Assert.Equal((1200u, 700u), (overview.Width, overview.Height));
        using (var map = new ImageMagick.MagickImage(Path.Combine(_folder, "2023-10-30", "map.png")))
            Assert.Equal((850u, 850u), (map.Width, map.Height));
        Assert.Empty(provider.GetRequiredService<DayPictures>().DrawChanged());
    }
}
