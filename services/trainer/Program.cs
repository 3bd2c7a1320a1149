using Microsoft.Extensions.Hosting;
using Seismic.Trainer;
using Seismic.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults("trainer");
if (!builder.TryLoadSeismicSettings(out var settings))
    return 2;
builder.AddSeismicBus(BusTransport.RabbitMq, bus => bus.AddTrainerWorker(settings));
await builder.Build().RunAsync();
return 0;
