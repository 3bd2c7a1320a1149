using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;
using Seismic.Ingest.Consumers;
using Seismic.Ingest.Processing;

namespace Seismic.Services.Tests.Ingest;

public sealed class BackfillIntervalConsumerTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);

    private static async Task<ITestHarness> StartHarness()
    {
        var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddSingleton(new BackfillPlanner("ARCES", TimeSpan.FromMinutes(5), new FixedClock(Now)))
            .AddMassTransitTestHarness(bus => bus.AddConsumer<BackfillIntervalConsumer, BackfillIntervalConsumerDefinition>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return harness;
    }

    private static BackfillInterval Request(DateTime start, DateTime end) => new()
    {
        BackfillId = Guid.NewGuid(),
        ArrayCode = "ARCES",
        StartUtc = start,
        EndUtc = end,
        RequestedBy = "test",
        RequestedAtUtc = Now,
    };

    [Fact]
    public async Task Should_announce_the_segment_count_of_an_accepted_backfill()
    {
        var harness = await StartHarness();
        var request = Request(new DateTime(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc), new DateTime(2023, 10, 30, 13, 0, 0, DateTimeKind.Utc));

        await harness.Bus.Publish(request);

        Assert.True(await harness.Published.Any<BackfillProgressed>());
        var progress = harness.Published.Select<BackfillProgressed>().Single().Context.Message;
        Assert.Equal(request.BackfillId, progress.BackfillId);
        Assert.Equal(12, progress.SegmentsTotal);
        Assert.Equal(0, progress.SegmentsCompleted);
        Assert.False(await harness.Published.Any<StageFailed>());
    }

    [Fact]
    public async Task Should_publish_the_reason_when_the_interval_ends_before_it_starts()
    {
        var harness = await StartHarness();
        var request = Request(new DateTime(2023, 10, 30, 13, 0, 0, DateTimeKind.Utc), new DateTime(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc));

        await harness.Bus.Publish(request);

        Assert.True(await harness.Published.Any<StageFailed>());
        var failure = harness.Published.Select<StageFailed>().Single().Context.Message;
        Assert.Equal(PipelineStage.Ingest, failure.Stage);
        Assert.Equal(request.BackfillId, failure.BackfillId);
        Assert.Contains("before it starts", failure.Reason);
        Assert.False(await harness.Published.Any<BackfillProgressed>());
        Assert.False(await harness.Consumed.Any<BackfillInterval>(c => c.Exception != null));
    }
}
