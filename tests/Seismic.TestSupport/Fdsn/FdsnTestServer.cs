using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;
using Seismic.Sources.Sds;

namespace Seismic.TestSupport.Fdsn;

/// <summary>What <see cref="FdsnTestServer"/> serves; a service whose file is null is not offered (its path answers 404).</summary>
public sealed record FdsnTestServerOptions
{
    /// <summary>SDS archive behind dataselect, read through <see cref="SdsSource"/>.</summary>
    public string? ArchivePath { get; init; }

    /// <summary>StationXML behind station (level=channel only).</summary>
    public string? InventoryPath { get; init; }

    /// <summary>QuakeML behind event.</summary>
    public string? CatalogPath { get; init; }
}

/// <summary>
/// An FDSN web-service node on 127.0.0.1 (a free port) for tests: dataselect (GET and POST) from an SDS archive,
/// station at level=channel from a StationXML file (channels filtered by the request's network, station,
/// location and channel patterns and by epoch overlap with its interval), and event from a QuakeML file
/// (events filtered by preferred origin time and minmagnitude). "No data" is 204, or 404 when asked nodata=404.
/// Faults can be switched on with <see cref="Inject"/>, and every request is recorded.
/// </summary>
public sealed class FdsnTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SdsSource? _archive;
    private readonly Inventory? _inventory;
    private readonly Catalog? _catalog;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<FdsnTestRequest> _requests = [];
    private readonly Lock _gate = new();
    private FdsnFault? _fault;
    private int _faultAnswersLeft;

    private FdsnTestServer(FdsnTestServerOptions options)
    {
        _archive = options.ArchivePath is { } archive ? new SdsSource(archive) : null;
        _inventory = options.InventoryPath is { } inventory ? StationXmlReader.ReadFile(inventory) : null;
        _catalog = options.CatalogPath is { } catalog ? QuakeMlReader.ReadFile(catalog) : null;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        string[] getAndPost = [HttpMethods.Get, HttpMethods.Post];
        if (_archive is not null)
            _app.MapMethods("/fdsnws/dataselect/1/query", getAndPost, Serve("dataselect", Dataselect));
        if (_inventory is not null)
            _app.MapMethods("/fdsnws/station/1/query", getAndPost, Serve("station", Station));
        if (_catalog is not null)
            _app.MapGet("/fdsnws/event/1/query", Serve("event", Event));
    }

    public int Port { get; private set; }

    /// <summary>fdsnws://127.0.0.1:PORT, the address form users write.</summary>
    public string FdsnwsAddress => $"fdsnws://127.0.0.1:{Port}";

    /// <summary>http://127.0.0.1:PORT/fdsnws/, the base-URL form.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/fdsnws/";

    /// <summary>Every request received so far, in order of arrival.</summary>
    public IReadOnlyList<FdsnTestRequest> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    public static async Task<FdsnTestServer> StartAsync(FdsnTestServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var server = new FdsnTestServer(options);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Port = new Uri(address).Port;
        return server;
    }

    /// <summary>Requests received by one service (dataselect, station or event).</summary>
    public int RequestCount(string service) => Requests.Count(r => r.Service == service);

    /// <summary>Answers the next <see cref="FdsnFault.Times"/> requests with the fault; null serves data again.</summary>
    public void Inject(FdsnFault? fault)
    {
        lock (_gate)
        {
            _fault = fault;
            _faultAnswersLeft = fault?.Times ?? 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Held requests are released first, or stopping would wait for them.
        await _stopping.CancelAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(patience.Token);
        await _app.DisposeAsync();
        _archive?.Dispose();
        _stopping.Dispose();
    }

    private RequestDelegate Serve(string service, Func<FdsnQuery, CancellationToken, Task<Reply?>> answer) => async context =>
    {
        var request = context.Request;
        var body = HttpMethods.IsPost(request.Method) ? await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted) : "";
        FdsnFault? fault;
        lock (_gate)
        {
            _requests.Add(new FdsnTestRequest(service, request.Method, request.QueryString.Value ?? "", body));
            fault = _faultAnswersLeft > 0 ? _fault : null;
            if (fault is not null)
                _faultAnswersLeft--;
        }
        if (fault is not null)
        {
            await AnswerWithFault(context, fault);
            return;
        }

        FdsnQuery query;
        Reply? reply;
        try
        {
            query = FdsnQuery.Parse(request.Query, body);
            reply = await answer(query, context.RequestAborted);
        }
        catch (FormatException bad)
        {
            await WriteError(context, StatusCodes.Status400BadRequest, bad.Message);
            return;
        }
        if (reply is null)
        {
            context.Response.StatusCode = query.NoDataStatus;
            return;
        }
        context.Response.ContentType = reply.ContentType;
        await context.Response.Body.WriteAsync(reply.Bytes, context.RequestAborted);
    };

    private async Task<Reply?> Dataselect(FdsnQuery query, CancellationToken cancellationToken)
    {
        using var records = new MemoryStream();
        foreach (var selection in query.Selections)
        {
            if (selection.StartUtc is not { } start || selection.EndUtc is not { } end)
                throw new FormatException("dataselect needs a start and an end time for every selection");
            var read = await _archive!.ReadAsync([selection.Channels], start, end, cancellationToken);
            records.Write(read.MiniSeed);
        }
        return records.Length == 0 ? null : new Reply(records.ToArray(), "application/vnd.fdsn.mseed");
    }

    private Task<Reply?> Station(FdsnQuery query, CancellationToken cancellationToken)
    {
        if (query.Parameter("level") != "channel")
            throw new FormatException($"this test server serves level=channel only (got level={query.Parameter("level") ?? "station, the default"})");

        bool Wanted(Channel channel) => query.Selections.Any(s =>
            s.Channels.MatchesNetwork(channel.Id.Network) && s.Channels.MatchesStation(channel.Id.Station)
            && s.Channels.MatchesLocation(channel.Id.Location.Trim()) && s.Channels.MatchesChannel(channel.Id.Channel)
            && (s.EndUtc is not { } end || channel.StartUtc is not { } from || from <= end)
            && (s.StartUtc is not { } start || channel.EndUtc is not { } to || to >= start));

        var networks = _inventory!.Networks
            .Select(n => n with
            {
                Stations = n.Stations.Select(s => s with { Channels = s.Channels.Where(Wanted).ToList() }).Where(s => s.Channels.Count > 0).ToList(),
            })
            .Where(n => n.Stations.Count > 0)
            .ToList();
        return Task.FromResult(networks.Count == 0
            ? null
            : new Reply(Encoding.UTF8.GetBytes(StationXmlWriter.ToXml(_inventory with { Networks = networks })), "application/xml"));
    }

    private Task<Reply?> Event(FdsnQuery query, CancellationToken cancellationToken)
    {
        var start = query.Time("starttime");
        var end = query.Time("endtime");
        var minMagnitude = query.Parameter("minmagnitude") is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : (double?)null;
        var events = _catalog!.Events
            .Where(e => e.PreferredOrigin is { } origin && (start is null || origin.TimeUtc >= start) && (end is null || origin.TimeUtc <= end))
            .Where(e => minMagnitude is null || e.PreferredMagnitude?.Value >= minMagnitude)
            .ToList();
        return Task.FromResult(events.Count == 0
            ? null
            : new Reply(Encoding.UTF8.GetBytes(QuakeMlWriter.ToXml(_catalog with { Events = events })), "application/xml"));
    }

    private async Task AnswerWithFault(HttpContext context, FdsnFault fault)
    {
        switch (fault.Kind)
        {
            case FdsnFaultKind.NoData:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case FdsnFaultKind.ServerError:
                await WriteError(context, StatusCodes.Status500InternalServerError, "Fault injected by the test: the archive is not reachable.");
                break;
            case FdsnFaultKind.NotFound:
                await WriteError(context, StatusCodes.Status404NotFound, "No data matches the selection.");
                break;
            case FdsnFaultKind.Unavailable:
                context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await WriteError(context, StatusCodes.Status503ServiceUnavailable, "Fault injected by the test: too many requests in progress.");
                break;
            case FdsnFaultKind.Hang:
                await Hold(context);
                break;
            case FdsnFaultKind.StallBody:
                context.Response.ContentType = "application/vnd.fdsn.mseed";
                await context.Response.Body.WriteAsync(new byte[512]);
                await context.Response.Body.FlushAsync();
                await Hold(context);
                break;
        }
    }

    /// <summary>Keeps a request open until the client gives up or the server stops.</summary>
    private async Task Hold(HttpContext context)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, held.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }

    /// <summary>An error text laid out as the FDSN web-service specification prescribes.</summary>
    private static async Task WriteError(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        var text = $"Error {status}: {ReasonPhrases.GetReasonPhrase(status)}\n\n{detail}\n\nUsage details are available from /fdsnws/\n\n"
            + $"Request:\n{context.Request.Path}{context.Request.QueryString}\n\nRequest Submitted:\n{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss}\n\nService version:\n1.1.0\n";
        await context.Response.WriteAsync(text);
    }

    private sealed record Reply(byte[] Bytes, string ContentType);
}
