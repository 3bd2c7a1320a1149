namespace Seismic.Signal.Rotation;

/// <summary>
/// Rotation of horizontal components. Conventions are ObsPy's (obspy.signal.rotate.rotate_ne_rt):
/// the radial component points away from the source, along azimuth baz + 180; the transverse
/// component is the radial rotated 90 degrees clockwise (seen from above), along azimuth baz + 270.
/// A back-azimuth is the direction from the receiver towards the source, clockwise from north.
/// </summary>
public static class HorizontalRotation
{
    /// <summary>
    /// Smallest |sin(azimuth2 - azimuth1)| accepted: two sensors closer than about 6 degrees to parallel
    /// do not determine the horizontal motion.
    /// </summary>
    private const double MinimumIndependence = 0.1;

    /// <summary>R = -E sin(baz) - N cos(baz), T = -E cos(baz) + N sin(baz), as ObsPy's rotate_ne_rt.</summary>
    public static void NorthEastToRadialTransverse(
        ReadOnlySpan<double> north, ReadOnlySpan<double> east, double backAzimuthDeg, Span<double> radial, Span<double> transverse)
    {
        RequireSameLength(north.Length, east.Length, radial.Length, transverse.Length);
        var baz = backAzimuthDeg * Math.PI / 180.0;
        var sin = Math.Sin(baz);
        var cos = Math.Cos(baz);
        for (var i = 0; i < north.Length; i++)
        {
            var n = north[i];
            var e = east[i];
            radial[i] = (-e * sin) - (n * cos);
            transverse[i] = (-e * cos) + (n * sin);
        }
    }

    /// <summary>
    /// Recovers north and east ground motion from two horizontal sensors at their actual azimuths
    /// (degrees clockwise from north, as StationXML's Azimuth; dip 0). Sensor k records
    /// N cos(az_k) + E sin(az_k); the 2x2 system is solved per sample, so the sensors need not be
    /// orthogonal or exactly on N and E. Gives the same N and E as ObsPy's rotate2zne for horizontal sensors.
    /// </summary>
    public static void ToNorthEast(
        ReadOnlySpan<double> horizontal1, double azimuth1Deg,
        ReadOnlySpan<double> horizontal2, double azimuth2Deg,
        Span<double> north, Span<double> east)
    {
        RequireSameLength(horizontal1.Length, horizontal2.Length, north.Length, east.Length);
        var a1 = azimuth1Deg * Math.PI / 180.0;
        var a2 = azimuth2Deg * Math.PI / 180.0;
        var (c1, s1, c2, s2) = (Math.Cos(a1), Math.Sin(a1), Math.Cos(a2), Math.Sin(a2));
        var determinant = (c1 * s2) - (s1 * c2);
        if (Math.Abs(determinant) < MinimumIndependence)
        {
            throw new ArgumentException(
                $"Horizontal sensors at azimuths {azimuth1Deg} and {azimuth2Deg} degrees are too close to parallel to resolve north and east.");
        }

        for (var i = 0; i < horizontal1.Length; i++)
        {
            var x1 = horizontal1[i];
            var x2 = horizontal2[i];
            north[i] = ((x1 * s2) - (x2 * s1)) / determinant;
            east[i] = ((c1 * x2) - (c2 * x1)) / determinant;
        }
    }

    /// <summary>Radial and transverse from two horizontals at their actual azimuths.</summary>
    public static void ToRadialTransverse(
        ReadOnlySpan<double> horizontal1, double azimuth1Deg,
        ReadOnlySpan<double> horizontal2, double azimuth2Deg,
        double backAzimuthDeg, Span<double> radial, Span<double> transverse)
    {
        // Radial and transverse serve as the north and east buffers, then are rotated in place:
        // each output sample depends only on the same input sample.
        ToNorthEast(horizontal1, azimuth1Deg, horizontal2, azimuth2Deg, radial, transverse);
        NorthEastToRadialTransverse(radial, transverse, backAzimuthDeg, radial, transverse);
    }

    private static void RequireSameLength(int a, int b, int c, int d)
    {
        if (a != b || a != c || a != d)
        {
            throw new ArgumentException($"Component and output lengths must match (got {a}, {b}, {c}, {d}).");
        }
    }
}
