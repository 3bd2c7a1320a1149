using Microsoft.Extensions.Hosting;
using Seismic.Beamformer;
using Seismic.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults("beamformer");
if (!builder.TryLoadSeismicSettings(out var settings))
    return 2;
builder.AddSeismicBus(BusTransport.RabbitMq, bus => bus.AddBeamformerWorker(settings));
await builder.Build().RunAsync();
return 0;
