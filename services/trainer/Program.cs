using Microsoft.AspNetCore.Builder;
using Seismic.Configuration;
using Seismic.Hosting;
using Seismic.Trainer;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("trainer");
    builder.AddWorkerHttp("trainer");
    var settings = builder.LoadSeismicSettings();
    builder.AddSeismicBus(BusTransport.RabbitMq, bus => bus.AddTrainerWorker(settings));
    await builder.Build().MapWorkerEndpoints().RunAsync();
    return 0;
}
catch (SettingsException invalid)
{
    // A bad settings file or bus setting: say which key and why, and do not start half-configured.
    Console.Error.WriteLine(invalid.Message);
    return 2;
}
