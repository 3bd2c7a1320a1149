using MassTransit;
using Seismic.Configuration;

namespace Seismic.Reporter.Consumers;

// One message at a time: the report files are appended to, and a reporter instance owns its folder.

public sealed class EventClassifiedConsumerDefinition : ConsumerDefinition<EventClassifiedConsumer>
{
    public EventClassifiedConsumerDefinition() => ConcurrentMessageLimit = 1;
}

public sealed class WindowsClassifiedConsumerDefinition : ConsumerDefinition<WindowsClassifiedConsumer>
{
    public WindowsClassifiedConsumerDefinition() => ConcurrentMessageLimit = 1;
}

/// <summary>Pictures take their own endpoint and at most reports.picture_concurrency cores, so they never hold up the rows.</summary>
public sealed class EventEvidenceGatheredConsumerDefinition : ConsumerDefinition<EventEvidenceGatheredConsumer>
{
    public EventEvidenceGatheredConsumerDefinition(ReportSettings settings) => ConcurrentMessageLimit = settings.PictureConcurrency;
}
