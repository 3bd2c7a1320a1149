using MassTransit;
using Seismic.Configuration;

namespace Seismic.Beamformer;

public static class BeamformerWorker
{
    /// <summary>
    /// Registers the beamformer's consumers. It has none yet (the miniSEED reader and the signal library it needs are issues 4 and 5); the host already
    /// runs, connects and reports its health, so deployment and monitoring are in place.
    /// </summary>
    public static IBusRegistrationConfigurator AddBeamformerWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return bus;
    }
}
