using MassTransit;

namespace Seismic.Classifier.Consumers;

/// <summary>
/// Two segments at once, each through a one-thread ONNX Runtime session (see ClassifierModel), keep two cores
/// busy without holding many segments' beams in memory.
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
