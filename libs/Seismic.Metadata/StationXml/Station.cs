namespace Seismic.Metadata.StationXml;

/// <summary>One epoch of one station, with the channels listed under it.</summary>
public sealed record Station
{
    public required string NetworkCode { get; init; }

    public required string Code { get; init; }

    public required DateTime? StartUtc { get; init; }

    public required DateTime? EndUtc { get; init; }

    public required double LatitudeDeg { get; init; }

    public required double LongitudeDeg { get; init; }

    /// <summary>Elevation above sea level, metres; null when the document gives none (beams use horizontal positions only).</summary>
    public required double? ElevationM { get; init; }

    /// <summary>Site/Name, e.g. "Yellowknife, NT".</summary>
    public required string? SiteName { get; init; }

    public required IReadOnlyList<Channel> Channels { get; init; }

    public bool IsActiveAt(DateTime timeUtc) => Epoch.Contains(StartUtc, EndUtc, timeUtc);
}
