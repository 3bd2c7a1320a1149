using Microsoft.Extensions.Hosting;
using Seismic.Ingest;
using Seismic.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults("ingest");
if (!builder.TryLoadSeismicSettings(out var settings))
    return 2;
builder.AddSeismicBus(BusTransport.RabbitMq, bus => bus.AddIngestWorker(settings));
await builder.Build().RunAsync();
return 0;
