namespace Seismic.Simulation.Tests.Support;

/// <summary>Onset picking and signal-to-noise on a beam, by means independent of the simulator.</summary>
internal static class Onset
{
    /// <summary>
    /// Maeda's (1985) AIC picker on the samples [from, to): the index k minimising
    /// k log var(x[from..k]) + (n - k - 1) log var(x[k+1..to]), the point where noise turns into signal.
    /// </summary>
    public static int AicPick(double[] x, int from, int to)
    {
        var best = from;
        var bestAic = double.PositiveInfinity;
        for (var k = from + 10; k < to - 10; k++)
        {
            var aic = ((k - from) * Math.Log(Variance(x, from, k) + 1e-30)) + ((to - k - 1) * Math.Log(Variance(x, k + 1, to) + 1e-30));
            if (aic < bestAic)
            {
                bestAic = aic;
                best = k;
            }
        }

        return best;
    }

    public static double Rms(double[] x, int from, int to)
    {
        var sum = 0.0;
        for (var i = from; i < to; i++)
        {
            sum += x[i] * x[i];
        }

        return Math.Sqrt(sum / Math.Max(1, to - from));
    }

    private static double Variance(double[] x, int from, int to)
    {
        var mean = 0.0;
        for (var i = from; i < to; i++)
        {
            mean += x[i];
        }

        mean /= to - from;
        var sum = 0.0;
        for (var i = from; i < to; i++)
        {
            sum += (x[i] - mean) * (x[i] - mean);
        }

        return sum / (to - from);
    }
}
