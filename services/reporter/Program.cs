using Microsoft.Extensions.Hosting;
using Seismic.Reporter;
using Seismic.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults("reporter");
if (!builder.TryLoadSeismicSettings(out var settings))
    return 2;
builder.AddSeismicBus(BusTransport.RabbitMq, bus => bus.AddReporterWorker(settings));
await builder.Build().RunAsync();
return 0;
