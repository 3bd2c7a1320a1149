using MassTransit;
using Seismic.Configuration;

namespace Seismic.Trainer;

public static class TrainerWorker
{
    /// <summary>
    /// Registers the trainer's consumers. It has none yet (training arrives with issue 7); the host already
    /// runs, connects and reports its health, so deployment and monitoring are in place.
    /// </summary>
    public static IBusRegistrationConfigurator AddTrainerWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return bus;
    }
}
