using MassTransit;

namespace Seismic.Ingest.Consumers;

/// <summary>Planning is cheap; a handful at once keeps a burst of requests from starving live ingest.</summary>
public sealed class BackfillIntervalConsumerDefinition : ConsumerDefinition<BackfillIntervalConsumer>
{
    public BackfillIntervalConsumerDefinition() => ConcurrentMessageLimit = 4;
}

/// <summary>
/// One step of a backfill reads a few dozen segments; two at once overlap one backfill's reading with
/// another's without letting backfills crowd out the downstream stages.
/// </summary>
public sealed class ContinueBackfillConsumerDefinition : ConsumerDefinition<ContinueBackfillConsumer>
{
    public ContinueBackfillConsumerDefinition() => ConcurrentMessageLimit = 2;
}
