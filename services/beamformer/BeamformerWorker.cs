using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Seismic.Beamformer.Consumers;
using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Hosting;
using Seismic.Sources;
using Seismic.Waveforms.Selection;

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
        bus.AddPipelineMetrics();
        bus.TryAddSingleton(new BeamPipeline(settings));
        bus.TryAddSingleton(new ArrayInventorySource(settings.Array, location => ReadInventory(location, settings.Array)));
        bus.AddConsumer<WaveformSegmentIngestedConsumer, WaveformSegmentIngestedConsumerDefinition>();
        return bus;
    }

    /// <summary>
    /// A StationXML file, or the array's channels (all their epochs) from an FDSN station service. Synchronous:
    /// read once per location and kept, on the first segment that needs it.
    /// </summary>
    private static Metadata.StationXml.Inventory ReadInventory(string location, ArraySettings array)
    {
        try
        {
            var channels = new[] { new ChannelSelection(array.Network, array.StationPattern, "*", "*") };
            return MetadataSources.ReadAllEpochsAsync(location, channels).GetAwaiter().GetResult();
        }
        catch (MetadataSourceException unreadable)
        {
            throw new SegmentRejectedException($"The array's inventory cannot be read: {unreadable.Message}");
        }
    }
}
