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
public sealed record FkResult(IReadOnlyList<FkWindow> Windows, int SkippedWindows, IReadOnlyList<ArrayIssue> Issues);
