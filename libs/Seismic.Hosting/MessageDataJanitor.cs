using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Seismic.Hosting;

/// <summary>
/// Keeps the claim-check folder from filling the disk: a day of ARCES is about 450 MB of segment and beam payloads.
/// With a retention (messages over a broker), payloads older than it are deleted every few minutes by whichever
/// process runs this; without one (the in-memory bus), the folder is the process's own and is deleted when it stops.
/// </summary>
public sealed partial class MessageDataJanitor(string folder, TimeSpan? retention, ILogger<MessageDataJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Sweep = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (retention is not { } keep)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            DeleteOlderThan(DateTime.UtcNow - keep);
            try
            {
                await Task.Delay(Sweep, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (retention is null)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception stillInUse) when (stillInUse is IOException or UnauthorizedAccessException)
            {
                LogNotDeleted(folder, stillInUse.Message);
            }
        }
    }

    /// <summary>Deletes the payloads last written before <paramref name="cutoffUtc"/>; another process deleting the same files is not an error.</summary>
    public int DeleteOlderThan(DateTime cutoffUtc)
    {
        var deleted = 0;
        if (!Directory.Exists(folder))
            return 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoffUtc)
                {
                    File.Delete(file);
                    deleted++;
                }
            }
            catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
            {
                // Deleted by another worker's sweep, or still being written: the next sweep decides.
            }
        }
        if (deleted > 0)
            LogDeleted(deleted, folder, cutoffUtc);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} claim-check payloads in {Folder} written before {CutoffUtc:O}")]
    private partial void LogDeleted(int count, string folder, DateTime cutoffUtc);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The in-process claim-check folder {Folder} could not be deleted: {Reason}")]
    private partial void LogNotDeleted(string folder, string reason);
}
