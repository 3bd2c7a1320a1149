namespace Seismic.Signal.Numerics;

internal static class Bessel
{
    /// <summary>
    /// Modified Bessel function of the first kind, order zero, by its power series.
    /// The series converges quickly for the Kaiser-window arguments used here (|x| below about 20)
    /// and agrees with numpy.i0 to about 1e-15 relative.
    /// </summary>
    public static double I0(double x)
    {
        var halfX = x / 2.0;
        var term = 1.0;
        var sum = 1.0;
        for (var k = 1; k < 500; k++)
        {
            term *= halfX / k;
            var squared = term * term;
            sum += squared;
            if (squared < 1e-17 * sum)
            {
                break;
            }
        }

        return sum;
    }
}
