namespace Seismic.Metadata.QuakeMl;

/// <summary>A QuakeML event (named so to stay clear of the C# keyword and of System events).</summary>
public sealed record SeismicEvent
{
    public required string PublicId { get; init; }

    /// <summary>Event type as written; see <see cref="EventTypes"/> for the values the pipeline writes.</summary>
    public string? Type { get; init; }

    public EventTypeCertainty? TypeCertainty { get; init; }

    public string? PreferredOriginId { get; init; }

    public string? PreferredMagnitudeId { get; init; }

    public IReadOnlyList<EventDescription> Descriptions { get; init; } = [];

    /// <summary>The texts of the event's &lt;comment&gt; elements, in document order.</summary>
    public IReadOnlyList<string> Comments { get; init; } = [];

    public IReadOnlyList<Origin> Origins { get; init; } = [];

    public IReadOnlyList<Magnitude> Magnitudes { get; init; } = [];

    public IReadOnlyList<Pick> Picks { get; init; } = [];

    /// <summary>The origin named by <see cref="PreferredOriginId"/>, else the first one (ObsPy does the same).</summary>
    public Origin? PreferredOrigin =>
        Origins.FirstOrDefault(o => o.PublicId == PreferredOriginId) ?? Origins.FirstOrDefault();

    /// <summary>The magnitude named by <see cref="PreferredMagnitudeId"/>, else the first one.</summary>
    public Magnitude? PreferredMagnitude =>
        Magnitudes.FirstOrDefault(m => m.PublicId == PreferredMagnitudeId) ?? Magnitudes.FirstOrDefault();
}
