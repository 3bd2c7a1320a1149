using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Seismic.Beamformer.Consumers;
using Seismic.Beams;
using Seismic.Configuration;

namespace Seismic.Beamformer;

public static class BeamformerWorker
{
    /// <summary>
    /// Registers the beamformer: the beam pipeline, the array inventory (array.inventory_path, read on first use)
    /// and the consumer that turns WaveformSegmentIngested into BeamsFormed or StageFailed.
    /// The IMessageDataRepository for the beams comes from the bus setup.
    /// </summary>
    public static IBusRegistrationConfigurator AddBeamformerWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        bus.TryAddSingleton(TimeProvider.System);
        bus.TryAddSingleton(new BeamPipeline(settings));
        bus.TryAddSingleton(new ArrayInventorySource(settings.Array));
        bus.AddConsumer<WaveformSegmentIngestedConsumer, WaveformSegmentIngestedConsumerDefinition>();
        return bus;
    }
}
