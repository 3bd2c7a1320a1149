using System.CommandLine;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seismic.Configuration;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;
using Seismic.Hosting;

namespace Seismic.Cli.Commands;

/// <summary>`seismic backfill`: ask the running pipeline to process a past interval.</summary>
internal static class BackfillCommand
{
    public static Command Create()
    {
        var array = new Option<string>("--array") { Description = "Array code", DefaultValueFactory = _ => "ARCES" };
        var start = new Option<string>("--start") { Description = "Start of the interval, UTC (e.g. 2023-10-30T12:00:00Z)", Required = true };
        var end = new Option<string>("--end") { Description = "End of the interval, UTC", Required = true };
        var wait = new Option<int>("--wait")
        {
            Description = "Seconds to wait for the ingest worker's answer (accepted or refused, with the reason); 0 does not wait",
            DefaultValueFactory = _ => 30,
        };
        var rabbitMq = CommonOptions.RabbitMq();
        rabbitMq.Required = true;
        var command = new Command("backfill", "Publish a BackfillInterval command to the pipeline's broker")
        {
            array, start, end, wait, rabbitMq,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (!TryParseUtc(parse.GetValue(start)!, "--start", out var startUtc) || !TryParseUtc(parse.GetValue(end)!, "--end", out var endUtc))
                return 2;

            var request = new BackfillInterval
            {
                BackfillId = NewId.NextGuid(),
                ArrayCode = parse.GetValue(array)!,
                StartUtc = startUtc,
                EndUtc = endUtc,
                RequestedBy = Environment.UserName,
                RequestedAtUtc = DateTime.UtcNow,
            };
            return await PublishAndWait(request, parse.GetValue(rabbitMq)!, TimeSpan.FromSeconds(parse.GetValue(wait)), cancellation);
        });
        return command;
    }

    private static async Task<int> PublishAndWait(BackfillInterval request, string rabbitMqUri, TimeSpan wait, CancellationToken cancellation)
    {
        var builder = CommonOptions.HostBuilder(null, rabbitMqUri);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        try
        {
            builder.AddSeismicBus(BusTransport.RabbitMq, _ => { });
        }
        catch (SettingsException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            return 2;
        }
        using var host = builder.Build();
        await host.StartAsync(cancellation);
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            Console.WriteLine($"Publishing backfill {request.BackfillId}: {request.ArrayCode} {request.StartUtc:O} to {request.EndUtc:O}.");
            if (wait <= TimeSpan.Zero)
            {
                await bus.Publish(request, cancellation);
                return 0;
            }
            var answer = await BusConversation.PublishAndFollow(bus, request, (endpoint, finish) =>
            {
                endpoint.Handler<BackfillProgressed>(context =>
                {
                    if (context.Message.BackfillId == request.BackfillId)
                    {
                        Console.WriteLine($"Backfill {request.BackfillId} accepted: {context.Message.SegmentsTotal} segments.");
                        finish(0);
                    }
                    return Task.CompletedTask;
                });
                endpoint.Handler<StageFailed>(context =>
                {
                    if (context.Message.BackfillId == request.BackfillId)
                    {
                        Console.Error.WriteLine(context.Message.Reason);
                        finish(1);
                    }
                    return Task.CompletedTask;
                });
            }, wait, cancellation);
            if (answer is { } code)
                return code;
            Console.Error.WriteLine($"No answer from an ingest worker within {wait.TotalSeconds:F0} s; is one running against this broker?");
            return 3;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static bool TryParseUtc(string text, string option, out DateTime utc)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc))
            return true;
        Console.Error.WriteLine($"{option}: '{text}' is not a date and time; use ISO 8601, e.g. 2023-10-30T12:00:00Z.");
        return false;
    }
}
