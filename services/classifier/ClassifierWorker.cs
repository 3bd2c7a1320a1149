using MassTransit;
using Seismic.Configuration;

namespace Seismic.Classifier;

public static class ClassifierWorker
{
    /// <summary>
    /// Registers the classifier's consumers. It has none yet (it needs beams (issue 5) and an ONNX model (issue 7)); the host already
    /// runs, connects and reports its health, so deployment and monitoring are in place.
    /// </summary>
    public static IBusRegistrationConfigurator AddClassifierWorker(this IBusRegistrationConfigurator bus, SeismicSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return bus;
    }
}
