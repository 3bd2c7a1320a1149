using Seismic.Signal.Arrays;

namespace Seismic.Signal.FrequencyWavenumber;

/// <summary>The beam-power maximum of one window.</summary>
/// <param name="StartUtc">Start of the window.</param>
/// <param name="BackAzimuthDeg">Direction to the source, degrees clockwise from north, in [0, 360).</param>
/// <param name="SlownessSPerKm">Horizontal slowness at the maximum.</param>
/// <param name="ApparentVelocityKmPerS">1 / slowness.</param>
/// <param name="RelativePower">Beam power over N times the summed single-site power, 0 to 1 (1 = perfectly coherent plane wave).</param>
/// <param name="AbsolutePower">Sum over the band's frequency bins of |sum of aligned site spectra|^2 (ObsPy's abspow; arbitrary units).</param>
/// <param name="SlownessEastSPerKm">East component of the slowness vector (direction of travel).</param>
/// <param name="SlownessNorthSPerKm">North component of the slowness vector.</param>
/// <param name="SiteCount">Sites with complete data in this window.</param>
public sealed record FkWindow(
    DateTime StartUtc,
    double BackAzimuthDeg,
    double SlownessSPerKm,
    double ApparentVelocityKmPerS,
    double RelativePower,
    double AbsolutePower,
    double SlownessEastSPerKm,
    double SlownessNorthSPerKm,
    int SiteCount);

/// <param name="Windows">One entry per analysed window, in time order.</param>
/// <param name="SkippedWindows">Windows left out because fewer than the minimum number of sites had complete data.</param>
/// <param name="Issues">Channels left out or incomplete.</param>
public sealed record FkResult(IReadOnlyList<FkWindow> Windows, int SkippedWindows, IReadOnlyList<ArrayIssue> Issues)
{
    /// <summary>Relative powers closer than this are taken as equal when choosing the arrival (the table shows two decimals).</summary>
    public const double RelativePowerTolerance = 0.01;

    /// <summary>
    /// The window to report as the arrival of an interval: the one with the highest relative power (the
    /// semblance-like coherence of a plane wave across the array), as array-processing tools choose (ObsPy's
    /// array_processing thresholds and plots by relative power). Absolute power would favour the loudest
    /// window, which in a long interval is coda or microseism, not the arrival. Windows whose relative power
    /// is within <see cref="RelativePowerTolerance"/> of the highest are equally coherent; of those, the one
    /// with the most absolute power wins (the signal rather than coherent noise), and then the earliest.
    /// Windows below <paramref name="minimumRelativePower"/> are never the arrival.
    /// </summary>
    /// <param name="minimumRelativePower">0 to 1; 0 takes the most coherent window whatever it is.</param>
    /// <returns>The arrival window, or null when no window reaches the minimum.</returns>
    public FkWindow? Arrival(double minimumRelativePower = 0)
    {
        var candidates = Windows.Where(w => w.RelativePower >= minimumRelativePower).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var highest = candidates.Max(w => w.RelativePower);
        return candidates
            .Where(w => w.RelativePower >= highest - RelativePowerTolerance)
            .MaxBy(w => w.AbsolutePower);
    }
}
