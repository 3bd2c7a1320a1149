namespace Seismic.Signal.Tests.Support;

internal static class Accuracy
{
    /// <summary>
    /// The error measure against scipy: max |actual - expected| divided by max |expected|,
    /// i.e. relative to the reference signal's peak, so samples near zero do not blow it up.
    /// </summary>
    public static double MaxRelativeError(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var peak = 0.0;
        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            peak = Math.Max(peak, Math.Abs(expected[i]));
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
        }

        return peak == 0 ? worst : worst / peak;
    }

    public const double ScipyTolerance = 1e-5;
}
