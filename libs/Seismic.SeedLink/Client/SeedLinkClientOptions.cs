namespace Seismic.SeedLink.Client;

/// <summary>Which protocol a client speaks.</summary>
public enum ProtocolPreference
{
    /// <summary>4 when the server's HELLO offers SLPROTO:4.0, else 3.</summary>
    Auto,
    Version3,
    Version4,
}

/// <summary>How a <see cref="SeedLinkClient"/> connects, what it asks for, and how it survives the network.</summary>
public sealed record SeedLinkClientOptions
{
    /// <summary>seedlink://host[:port] (port 18000 when none is given).</summary>
    public required string Address { get; init; }

    public required IReadOnlyList<StationRequest> Stations { get; init; }

    public ProtocolPreference Protocol { get; init; } = ProtocolPreference.Auto;

    /// <summary>Start of a time window (data from here on); null: where the state file left off, else new data only.</summary>
    public DateTime? StartUtc { get; init; }

    /// <summary>End of a time window: the stream ends there.</summary>
    public DateTime? EndUtc { get; init; }

    /// <summary>FETCH: take what the server holds, then stop (dial-up mode).</summary>
    public bool DialUp { get; init; }

    /// <summary>Ask the server for its id after this long without sending anything while streaming.</summary>
    public TimeSpan KeepaliveInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Drop and reconnect when nothing at all arrived for this long.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>First wait before reconnecting; doubled after each failure, up to <see cref="ReconnectDelayMax"/>.</summary>
    public TimeSpan ReconnectDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Per-station sequence numbers are kept here, so that a restart resumes; null: not kept.</summary>
    public string? StateFilePath { get; init; }

    /// <summary>
    /// True: a record counts as done (for the state file) once it is handed out. False: only what the caller
    /// <see cref="SeedLinkClient.Commit"/>s is done, so a restart receives again what was handed out but not kept.
    /// </summary>
    public bool CommitOnDelivery { get; init; } = true;

    /// <summary>How often the state file is written while records arrive.</summary>
    public TimeSpan StateSaveInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Sent with USERAGENT in protocol 4.</summary>
    public string UserAgent { get; init; } = "Seismic";
}
