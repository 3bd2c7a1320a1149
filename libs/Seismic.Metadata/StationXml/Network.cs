namespace Seismic.Metadata.StationXml;

public sealed record Network
{
    public required string Code { get; init; }

    public required string? Description { get; init; }

    public required DateTime? StartUtc { get; init; }

    public required DateTime? EndUtc { get; init; }

    public required IReadOnlyList<Station> Stations { get; init; }

    public bool IsActiveAt(DateTime timeUtc) => Epoch.Contains(StartUtc, EndUtc, timeUtc);
}
