using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Seismic.Hosting;

/// <summary>
/// Unhealthy when a folder the worker writes its results to cannot be created or written (full disk, lost mount,
/// wrong owner): every message it takes would then fail into the error queue, so it should take none.
/// </summary>
public sealed class FolderWritableHealthCheck(string folder) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["folder"] = Path.GetFullPath(folder) };
        var probe = Path.Combine(folder, $".health-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(probe, [], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy($"{data["folder"]} writable", data);
        }
        catch (Exception notWritable) when (notWritable is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"{data["folder"]} not writable: {notWritable.Message}", data: data);
        }
    }
}
