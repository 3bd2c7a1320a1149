using MassTransit;

namespace Seismic.Classifier.Consumers;

/// <summary>
/// ONNX Runtime already spreads one batch over the cores, so two segments at once keep them busy without
/// holding many segments' beams in memory.
/// </summary>
public sealed class BeamsFormedConsumerDefinition : ConsumerDefinition<BeamsFormedConsumer>
{
    public BeamsFormedConsumerDefinition() => ConcurrentMessageLimit = 2;
}

/// <summary>
/// Every classifier instance must hear of a new model, so each has its own queue (the endpoint name carries
/// an instance id), deleted when the instance stops, instead of competing for one; an instance that was
/// down loads the newest version when it starts anyway.
/// </summary>
public sealed class ModelPublishedConsumerDefinition : ConsumerDefinition<ModelPublishedConsumer>
{
    public ModelPublishedConsumerDefinition()
    {
        ConcurrentMessageLimit = 1;
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = NewId.Next().ToString("N");
            endpoint.Temporary = true;
        });
    }
}
