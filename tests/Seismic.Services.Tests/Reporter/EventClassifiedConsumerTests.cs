using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Reporter.Consumers;
using Seismic.Reporter.Processing;

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
            .AddSingleton(TimeProvider.System)
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
        Assert.Contains("smi:local/event/1,2023-10-30T12:01:30.000Z,160.5,picks,explosion", File.ReadAllText(Path.Combine(_folder, "events.csv")));
        // Followers of a backfill learn that the rows are on disk.
        Assert.True(await harness.Published.Any<Seismic.Contracts.Reports.ReportRowsWritten>(c => c.Context.Message.EventId == "smi:local/event/1" && c.Context.Message.RowsAdded == 1));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_folder, "windows.csv")).Length);
        // And the day's QuakeML catalog holds it.
        var catalog = Seismic.Metadata.QuakeMl.QuakeMlReader.ReadFile(Path.Combine(_folder, "catalog", "2023-10-30.xml"));
        Assert.Equal("explosion", Assert.Single(catalog.Events).Type);
    }
}
