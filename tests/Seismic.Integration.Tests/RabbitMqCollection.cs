namespace Seismic.Integration.Tests;

/// <summary>Tests that share the broker's queues run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitMqCollection
{
    public const string Name = "RabbitMQ";
}
