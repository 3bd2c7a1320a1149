using MassTransit;

namespace Seismic.Ingest.Consumers;

/// <summary>Planning is cheap; a handful at once keeps a burst of requests from starving live ingest.</summary>
public sealed class BackfillIntervalConsumerDefinition : ConsumerDefinition<BackfillIntervalConsumer>
{
    public BackfillIntervalConsumerDefinition() => ConcurrentMessageLimit = 4;
}
