using MassTransit;
using Seismic.Contracts.Ingest;
using Seismic.Ingest.Processing;

namespace Seismic.Ingest.Consumers;

/// <summary>Reads the next <see cref="BackfillSteps.SegmentsPerMessage"/> segments of a backfill and hands them on.</summary>
public sealed class ContinueBackfillConsumer(BackfillSteps steps) : IConsumer<ContinueBackfill>
{
    public Task Consume(ConsumeContext<ContinueBackfill> context) => steps.Run(context);
}
