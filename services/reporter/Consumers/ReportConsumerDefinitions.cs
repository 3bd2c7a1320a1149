using MassTransit;

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
