using Seismic.Metadata.QuakeMl;

namespace Seismic.Simulation.Sources;

/// <summary>The three labels of the seed's data set (SPEC section 7), in QuakeML's vocabulary.</summary>
public enum EventKind
{
    Earthquake,
    Explosion,
    InducedOrTriggered,
}

public static class EventKindFacts
{
    /// <summary>The QuakeML 1.2 event type, as the bulletins behind the seed's data wrote it.</summary>
    public static string QuakeMlType(this EventKind kind) => kind switch
    {
        EventKind.Earthquake => EventTypes.Earthquake,
        EventKind.Explosion => EventTypes.Explosion,
        EventKind.InducedOrTriggered => "induced or triggered event",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static EventKind FromQuakeMlType(string? type) => type switch
    {
        EventTypes.Earthquake => EventKind.Earthquake,
        EventTypes.Explosion => EventKind.Explosion,
        "induced or triggered event" => EventKind.InducedOrTriggered,
        _ => throw new ArgumentException($"'{type}' is not an event type the simulator writes.", nameof(type)),
    };
}
