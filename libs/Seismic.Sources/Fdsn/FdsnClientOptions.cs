using System.Reflection;

namespace Seismic.Sources.Fdsn;

/// <summary>
/// How patient an <see cref="FdsnClient"/> is. A request is tried up to <see cref="MaxAttempts"/> times when
/// the failure is transient (no answer in time, a broken connection, HTTP 408, 429, 500, 502, 503, 504), with
/// exponentially growing, jittered waits in between (or the server's Retry-After), all within
/// <see cref="TotalTimeout"/>.
/// </summary>
public sealed record FdsnClientOptions
{
    /// <summary>Polly's timeout strategies accept 10 ms to one day.</summary>
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan LongestTimeout = TimeSpan.FromDays(1);

    /// <summary>
    /// Time one attempt may take, from sending the request to the last byte of the answer. 30 s suits the
    /// minutes of an array that a segment reads; raise it for requests of many channel-days.
    /// </summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time all attempts and the waits between them may take together.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Tries of one request, the first included: 1 never retries.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Median wait before the first retry; later waits double, with jitter so that clients do not retry in step.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts, a server's Retry-After included.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent with every request: data centres ask clients to say who they are.</summary>
    public string UserAgent { get; init; } = $"Seismic/{typeof(FdsnClientOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"} (FDSN client; .NET)";

    public static FdsnClientOptions Default { get; } = new();

    /// <summary>Every reason the options cannot be used, one sentence each naming the option; empty when they can.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        if (AttemptTimeout < ShortestTimeout || AttemptTimeout > LongestTimeout)
            problems.Add($"AttemptTimeout must be between 10 ms and one day (got {AttemptTimeout}).");
        if (TotalTimeout < ShortestTimeout || TotalTimeout > LongestTimeout)
            problems.Add($"TotalTimeout must be between 10 ms and one day (got {TotalTimeout}).");
        if (MaxAttempts < 1 || MaxAttempts > 100)
            problems.Add($"MaxAttempts must be between 1 and 100 (got {MaxAttempts}).");
        if (BaseDelay < TimeSpan.Zero || BaseDelay > LongestTimeout)
            problems.Add($"BaseDelay must be between 0 and one day (got {BaseDelay}).");
        if (MaxDelay < BaseDelay || MaxDelay > LongestTimeout)
            problems.Add($"MaxDelay must be at least BaseDelay ({BaseDelay}) and at most one day (got {MaxDelay}).");
        if (string.IsNullOrWhiteSpace(UserAgent))
            problems.Add("UserAgent must not be empty.");
        return problems;
    }
}
