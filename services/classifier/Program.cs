using Microsoft.Extensions.Hosting;
using Seismic.Classifier;
using Seismic.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults("classifier");
if (!builder.TryLoadSeismicSettings(out var settings))
    return 2;
builder.AddSeismicBus(BusTransport.RabbitMq, bus => bus.AddClassifierWorker(settings));
await builder.Build().RunAsync();
return 0;
