namespace Seismic.Sources.Fdsn;

/// <summary>Optional limits of an event-service request beyond its time interval; null leaves a limit out.</summary>
public sealed record FdsnEventQuery
{
    public double? MinMagnitude { get; init; }

    public double? MaxMagnitude { get; init; }

    /// <summary>Centre of a circle events must lie in, with <see cref="LongitudeDeg"/> and <see cref="MaxRadiusDeg"/>.</summary>
    public double? LatitudeDeg { get; init; }

    public double? LongitudeDeg { get; init; }

    /// <summary>Radius of the circle around (<see cref="LatitudeDeg"/>, <see cref="LongitudeDeg"/>), in degrees of arc.</summary>
    public double? MaxRadiusDeg { get; init; }

    public static FdsnEventQuery None { get; } = new();
}
