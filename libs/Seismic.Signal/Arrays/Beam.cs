namespace Seismic.Signal.Arrays;

/// <summary>How one site entered a beam.</summary>
/// <param name="Site">Site name.</param>
/// <param name="DelaySeconds">Plane-wave delay removed from this site (positive = the wave arrives later than at the reference).</param>
/// <param name="SamplesUsed">Beam samples this site contributed to.</param>
public sealed record BeamSite(string Site, double DelaySeconds, int SamplesUsed);

/// <summary>
/// A delay-and-sum beam: at each sample the mean of the aligned sites that have data there.
/// </summary>
/// <param name="StartUtc">Time of the first beam sample, at the array reference point.</param>
/// <param name="SampleRateHz">Samples per second.</param>
/// <param name="Samples">Beam samples; NaN where no site has data.</param>
/// <param name="SiteCounts">How many sites were averaged at each sample.</param>
/// <param name="Sites">The sites used.</param>
/// <param name="Issues">What was left out or incomplete, per site.</param>
public sealed record Beam(
    DateTime StartUtc,
    double SampleRateHz,
    double[] Samples,
    int[] SiteCounts,
    IReadOnlyList<BeamSite> Sites,
    IReadOnlyList<ArrayIssue> Issues);

/// <summary>Optional settings of a beam.</summary>
public sealed record BeamOptions
{
    /// <summary>Rate of the beam; channels at another rate are left out. Default: the rate most channels have.</summary>
    public double? SampleRateHz { get; init; }

    /// <summary>First beam sample. Default: the earliest channel start.</summary>
    public DateTime? StartUtc { get; init; }

    /// <summary>Beam length. Default: up to the latest channel end.</summary>
    public int? SampleCount { get; init; }

    /// <summary>Windowed-sinc taps on each side of an interpolated point.</summary>
    public int InterpolationHalfWidth { get; init; } = 8;
}
