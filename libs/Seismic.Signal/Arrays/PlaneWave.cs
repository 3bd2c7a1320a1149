namespace Seismic.Signal.Arrays;

/// <summary>
/// Plane-wave travel-time offsets across an array. A wave from back-azimuth b (direction to the source,
/// clockwise from north) travels towards azimuth b + 180, so its horizontal slowness vector is
/// (s_east, s_north) = -s (sin b, cos b), and a site at (dx, dy) sees it
/// t = s_east dx + s_north dy = -s (dx sin b + dy cos b) seconds after the reference (positive = later).
/// This is ObsPy's array_processing convention too (baz = atan2(s_east, s_north) + 180).
/// </summary>
public static class PlaneWave
{
    public static (double EastSPerKm, double NorthSPerKm) SlownessVector(double backAzimuthDeg, double slownessSPerKm)
    {
        var b = backAzimuthDeg * Math.PI / 180.0;
        return (-slownessSPerKm * Math.Sin(b), -slownessSPerKm * Math.Cos(b));
    }

    /// <summary>Back-azimuth in [0, 360) degrees and slowness magnitude of a slowness vector.</summary>
    public static (double BackAzimuthDeg, double SlownessSPerKm) FromSlownessVector(double eastSPerKm, double northSPerKm)
    {
        var slowness = Math.Sqrt((eastSPerKm * eastSPerKm) + (northSPerKm * northSPerKm));
        var propagationAzimuthDeg = Math.Atan2(eastSPerKm, northSPerKm) * 180.0 / Math.PI;
        var backAzimuthDeg = (propagationAzimuthDeg + 180.0) % 360.0;
        if (backAzimuthDeg < 0)
        {
            backAzimuthDeg += 360.0;
        }

        return (backAzimuthDeg, slowness);
    }

    public static double DelaySeconds(ArraySite site, double slownessEastSPerKm, double slownessNorthSPerKm)
    {
        ArgumentNullException.ThrowIfNull(site);
        return (slownessEastSPerKm * site.EastKm) + (slownessNorthSPerKm * site.NorthKm);
    }

    /// <summary>Delay of each site for a wave from <paramref name="backAzimuthDeg"/> at apparent velocity <paramref name="velocityKmPerS"/>.</summary>
    public static double[] DelaysSeconds(IReadOnlyList<ArraySite> sites, double backAzimuthDeg, double velocityKmPerS)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (!(velocityKmPerS > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(velocityKmPerS), velocityKmPerS, "Apparent velocity must be positive.");
        }

        var (sx, sy) = SlownessVector(backAzimuthDeg, 1.0 / velocityKmPerS);
        var delays = new double[sites.Count];
        for (var i = 0; i < sites.Count; i++)
        {
            delays[i] = DelaySeconds(sites[i], sx, sy);
        }

        return delays;
    }
}
