using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Seismic.Sources.Fdsn;

/// <summary>
/// The handler chain of an FDSN client: a total timeout around retries around a per-attempt timeout (Polly,
/// through Microsoft.Extensions.Http.Resilience's <see cref="ResilienceHandler"/>), then a handler that reads
/// each answer whole inside its attempt, so a server that stalls half-way through a body is retried like one
/// that never answers.
/// </summary>
internal static class FdsnResilience
{
    /// <summary>Counts the attempts of one request, so that a failure can say how many were made.</summary>
    public static readonly HttpRequestOptionsKey<StrongBox<int>> Attempts = new("Seismic.Fdsn.Attempts");

    public static HttpMessageHandler CreateHandler(FdsnClientOptions options)
    {
        var transport = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            // Connections are re-opened now and then so that a data centre's DNS change is followed.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        return new ResilienceHandler(BuildPipeline(options))
        {
            InnerHandler = new WholeAnswerHandler { InnerHandler = transport },
        };
    }

    public static ResiliencePipeline<HttpResponseMessage> BuildPipeline(FdsnClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.TotalTimeout);
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = arguments => ValueTask.FromResult(IsTransient(arguments.Outcome)),
                DelayGenerator = arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome.Result, options.MaxDelay)),
            });
        }
        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>
    /// Failures worth another try: a server that is busy, restarting or behind an overloaded proxy. Other 4xx
    /// and 5xx (400 bad request, 404 no such service, 413 too much asked, 501...) would fail again.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        _ => false,
    };

    /// <summary>The wait a 429 or 503 asks for, at most <paramref name="maxDelay"/>; null to use the back-off.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxDelay)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is not { } asked)
            return null;
        return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > maxDelay ? maxDelay : asked;
    }

    /// <summary>Reads the body within the attempt (and its timeout), and counts the attempt.</summary>
    private sealed class WholeAnswerHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Options.TryGetValue(Attempts, out var attempts))
                Interlocked.Increment(ref attempts.Value);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
            return response;
        }
    }
}
