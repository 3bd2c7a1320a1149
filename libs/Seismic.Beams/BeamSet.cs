namespace Seismic.Beams;

/// <summary>Where the direction the beams are steered to came from.</summary>
public enum SteeringSource
{
    /// <summary>Circular mean of the array's pick back-azimuths.</summary>
    Picks,

    /// <summary>Great-circle azimuth from the array to a catalog origin.</summary>
    Origin,

    /// <summary>Estimated by f-k analysis of the segment itself (no event known).</summary>
    FrequencyWavenumber,
}

/// <summary>Where the beams were steered, and how sure the f-k analysis was when it chose.</summary>
/// <param name="BackAzimuthDeg">Direction to the source, degrees clockwise from north, in [0, 360).</param>
/// <param name="Source">Picks, origin, or f-k.</param>
/// <param name="FkRelativePower">Relative beam power of the f-k maximum (0 to 1); null unless chosen by f-k.</param>
/// <param name="FkApparentVelocityKmPerS">Apparent velocity at the f-k maximum; null unless chosen by f-k.</param>
public sealed record BackAzimuthEstimate(
    double BackAzimuthDeg,
    SteeringSource Source,
    double? FkRelativePower = null,
    double? FkApparentVelocityKmPerS = null);

/// <summary>The three beams of a segment, band-passed, at the model's rate, all of the same length.</summary>
public sealed record BeamSet
{
    /// <summary>Names in the order of <see cref="InPayloadOrder"/>, as the seed's trace_stats named its channels.</summary>
    public static IReadOnlyList<string> Names { get; } = ["P-beam, vertical", "S-beam, transverse", "S-beam, radial"];

    public required DateTime StartUtc { get; init; }

    public required double SampleRateHz { get; init; }

    /// <summary>P beam of the vertical components.</summary>
    public required double[] PVertical { get; init; }

    /// <summary>S beam of the transverse components.</summary>
    public required double[] STransverse { get; init; }

    /// <summary>S beam of the radial components.</summary>
    public required double[] SRadial { get; init; }

    public required BackAzimuthEstimate BackAzimuth { get; init; }

    /// <summary>Arrivals found in the segment with their own f-k directions, strongest first; empty when a hint steered the beams.</summary>
    public IReadOnlyList<Arrival> Arrivals { get; init; } = [];

    public required double PVelocityKmPerS { get; init; }

    public required double SVelocityKmPerS { get; init; }

    /// <summary>Sites that contributed to at least one beam, in geometry order.</summary>
    public required IReadOnlyList<string> SitesUsed { get; init; }

    /// <summary>Problems that did not stop the beams, one sentence each.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    public int SampleCount => PVertical.Length;

    /// <summary>[P vertical, S transverse, S radial]: the seed's channel order, which the models expect.</summary>
    public IReadOnlyList<double[]> InPayloadOrder => [PVertical, STransverse, SRadial];
}

/// <summary>The segment cannot give beams; <see cref="Exception.Message"/> says why in words an operator can act on.</summary>
public sealed class SegmentRejectedException(string reason) : Exception(reason);
