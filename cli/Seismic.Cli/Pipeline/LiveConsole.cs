using Microsoft.Extensions.Hosting;
using Seismic.Ingest.Live;

namespace Seismic.Cli.Pipeline;

/// <summary>
/// What `seismic run --live` shows on its console: every <see cref="Period"/> the connection and the stations'
/// latency, and for each segment how long after its data were complete its rows were written.
/// </summary>
internal sealed class LiveConsole(LiveStatus status, LiveLatency latency, TimeProvider clock, TextWriter output) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        latency.SegmentReported += segment => output.WriteLine(
            $"Live: segment {segment.SegmentId} reported {segment.LatencySeconds:0.00} s after its data were complete"
            + (segment.LeftOnDeadline ? $" (left on its deadline, {segment.MissingChannels} channels missing)" : ""));
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                output.WriteLine(Describe(status, clock.GetUtcNow().UtcDateTime));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One line: connection, stations and their latency (median, worst), segments, late records.</summary>
    public static string Describe(LiveStatus status, DateTime nowUtc)
    {
        var lags = status.Lags(nowUtc);
        var stations = lags.Count == 0
            ? "no station heard yet"
            : $"{lags.Count} stations, latency median {lags[lags.Count / 2].LatencySeconds:0.0} s, worst {lags[0].LatencySeconds:0.0} s ({lags[0].StationId}), "
              + $"worst behind the freshest {lags.Max(s => s.BehindSeconds):0.0} s";
        return $"Live: {status.Server} {status.Connection}; {stations}; segments {status.SegmentsComplete} complete, {status.SegmentsOnDeadline} on deadline; {status.LateRecords} late records"
            + (status.Failure is { } failure ? $"; STOPPED: {failure}" : "");
    }
}
