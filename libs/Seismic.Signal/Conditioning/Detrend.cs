namespace Seismic.Signal.Conditioning;

/// <summary>Trend removal in place, as ObsPy's Trace.detrend('demean') and scipy.signal.detrend(type='linear').</summary>
public static class Detrend
{
    public static void Demean(Span<double> samples)
    {
        if (samples.IsEmpty)
        {
            return;
        }

        var sum = 0.0;
        foreach (var x in samples)
        {
            sum += x;
        }

        var mean = sum / samples.Length;
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] -= mean;
        }
    }

    /// <summary>
    /// Removes the least-squares straight line. The fit uses sample indices centred on their mean,
    /// which gives the same line as scipy's lstsq on [(n+1)/N, 1] but without its conditioning issue.
    /// </summary>
    public static void Linear(Span<double> samples)
    {
        var n = samples.Length;
        if (n < 2)
        {
            Demean(samples);
            return;
        }

        var centre = (n - 1) / 2.0;
        var mean = 0.0;
        foreach (var x in samples)
        {
            mean += x;
        }

        mean /= n;
        var covariance = 0.0;
        var variance = 0.0;
        for (var i = 0; i < n; i++)
        {
            var dx = i - centre;
            covariance += dx * (samples[i] - mean);
            variance += dx * dx;
        }

        var slope = covariance / variance;
        for (var i = 0; i < n; i++)
        {
            samples[i] -= mean + (slope * (i - centre));
        }
    }
}
