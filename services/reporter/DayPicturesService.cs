using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seismic.Reporter.Processing;

namespace Seismic.Reporter;

/// <summary>
/// Draws the overview and map of the days whose rows changed, every reports.day_pictures_interval_s, and once
/// more when the reporter stops so the last rows are in the pictures. Off the message path: rows never wait for it.
/// </summary>
public sealed partial class DayPicturesService(DayPictures pictures, TimeSpan interval, ILogger<DayPicturesService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await Task.Run(Draw, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync draws what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Draw();
    }

    private void Draw()
    {
        foreach (var day in pictures.DrawChanged())
        {
            if (day.Problem is null)
                LogDrawn(day.DayUtc, day.Events, day.Folder);
            else
                LogNotDrawn(day.DayUtc, day.Problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Day {Day:yyyy-MM-dd}: overview.png and map.png of {Events} events drawn in {Folder}")]
    private partial void LogDrawn(DateTime day, int events, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Day {Day:yyyy-MM-dd}: no overview or map (the rows are written): {Problem}")]
    private partial void LogNotDrawn(DateTime day, string problem);
}
