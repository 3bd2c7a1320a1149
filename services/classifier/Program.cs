using Microsoft.AspNetCore.Builder;
using Seismic.Configuration;
using Seismic.Hosting;
using Seismic.Classifier;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("classifier");
    builder.AddWorkerHttp("classifier");
    var settings = builder.LoadSeismicSettings();
    builder.AddSeismicBus(BusTransport.RabbitMq, bus => bus.AddClassifierWorker(settings));
    await builder.Build().MapWorkerEndpoints().RunAsync();
    return 0;
}
catch (SettingsException invalid)
{
    // A bad settings file or bus setting: say which key and why, and do not start half-configured.
    Console.Error.WriteLine(invalid.Message);
    return 2;
}
