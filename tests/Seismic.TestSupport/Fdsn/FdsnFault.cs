namespace Seismic.TestSupport.Fdsn;

public enum FdsnFaultKind
{
    /// <summary>HTTP 204, the FDSN answer for "nothing matches".</summary>
    NoData,

    /// <summary>HTTP 500 with an FDSN error text.</summary>
    ServerError,

    /// <summary>HTTP 404 with an FDSN error text, as a service asked for nodata=404 answers (or a wrong path).</summary>
    NotFound,

    /// <summary>HTTP 503 with a Retry-After header.</summary>
    Unavailable,

    /// <summary>No answer at all: the request is held until the client gives up or the server stops.</summary>
    Hang,

    /// <summary>HTTP 200 and the first bytes of a body, then nothing more until the client gives up or the server stops.</summary>
    StallBody,
}

/// <summary>What <see cref="FdsnTestServer"/> answers instead of data, for the next <see cref="Times"/> requests to any service.</summary>
public sealed record FdsnFault
{
    public required FdsnFaultKind Kind { get; init; }

    /// <summary>Requests the fault answers before the server serves data again.</summary>
    public int Times { get; init; } = int.MaxValue;

    /// <summary>The Retry-After header of <see cref="FdsnFaultKind.Unavailable"/>, in seconds.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    public static FdsnFault NoData() => new() { Kind = FdsnFaultKind.NoData };

    public static FdsnFault ServerError(int times = int.MaxValue) => new() { Kind = FdsnFaultKind.ServerError, Times = times };

    public static FdsnFault NotFound() => new() { Kind = FdsnFaultKind.NotFound };

    public static FdsnFault Unavailable(int times, int retryAfterSeconds) =>
        new() { Kind = FdsnFaultKind.Unavailable, Times = times, RetryAfterSeconds = retryAfterSeconds };

    public static FdsnFault Hang() => new() { Kind = FdsnFaultKind.Hang };

    public static FdsnFault StallBody() => new() { Kind = FdsnFaultKind.StallBody };
}

/// <summary>One request as the server received it.</summary>
/// <param name="Service">dataselect, station or event.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Query">The query string, with its leading '?', or empty.</param>
/// <param name="Body">The POST body, or empty.</param>
public sealed record FdsnTestRequest(string Service, string Method, string Query, string Body);
