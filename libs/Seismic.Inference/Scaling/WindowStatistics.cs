using Seismic.Configuration;

namespace Seismic.Inference.Scaling;

/// <summary>Centre and scale of the values window[first], window[first + stride], ... for one scaler type.</summary>
public static class WindowStatistics
{
    public static (double Center, double Scale) Of(ScalerType type, ReadOnlySpan<float> window, int first, int stride) => type switch
    {
        ScalerType.MinMax => MinMax(window, first, stride),
        ScalerType.Standard => MeanAndStandardDeviation(window, first, stride),
        ScalerType.Robust => MedianAndInterquartileRange(Gather(window, first, stride)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "has no statistics"),
    };

    private static (double, double) MinMax(ReadOnlySpan<float> window, int first, int stride)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var i = first; i < window.Length; i += stride)
        {
            min = Math.Min(min, window[i]);
            max = Math.Max(max, window[i]);
        }
        return (min, max - min);
    }

    /// <summary>Population standard deviation (numpy's default, ddof = 0), as the seed computed it.</summary>
    private static (double, double) MeanAndStandardDeviation(ReadOnlySpan<float> window, int first, int stride)
    {
        double sum = 0, sumOfSquares = 0;
        var count = 0;
        for (var i = first; i < window.Length; i += stride)
        {
            sum += window[i];
            count++;
        }
        var mean = sum / count;
        for (var i = first; i < window.Length; i += stride)
            sumOfSquares += (window[i] - mean) * (window[i] - mean);
        return (mean, Math.Sqrt(sumOfSquares / count));
    }

    /// <summary>Median and interquartile range with linear interpolation between order statistics (numpy's default).</summary>
    public static (double Center, double Scale) MedianAndInterquartileRange(float[] values)
    {
        Array.Sort(values);
        return (Percentile(values, 50), Percentile(values, 75) - Percentile(values, 25));
    }

    private static double Percentile(float[] sorted, double percent)
    {
        var position = percent / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static float[] Gather(ReadOnlySpan<float> window, int first, int stride)
    {
        var values = new float[(window.Length - first + stride - 1) / stride];
        for (int i = first, j = 0; i < window.Length; i += stride, j++)
            values[j] = window[i];
        return values;
    }
}
