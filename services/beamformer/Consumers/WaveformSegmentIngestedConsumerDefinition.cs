using MassTransit;

namespace Seismic.Beamformer.Consumers;

/// <summary>
/// One segment is single-threaded CPU work of a few tens of ms and about 30 MB of traces, so two at once
/// keep two cores busy; more instances of the worker scale it out further.
/// </summary>
public sealed class WaveformSegmentIngestedConsumerDefinition : ConsumerDefinition<WaveformSegmentIngestedConsumer>
{
    public WaveformSegmentIngestedConsumerDefinition() => ConcurrentMessageLimit = 2;
}
