namespace Seismic.Metadata.QuakeMl;

/// <summary>Free text about an event, e.g. Type "Flinn-Engdahl region", Text "SEA OF OKHOTSK".</summary>
public sealed record EventDescription
{
    public required string Text { get; init; }

    public string? Type { get; init; }
}
