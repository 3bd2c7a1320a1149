using Seismic.Configuration;

namespace Seismic.Inference.Scaling;

/// <summary>
/// Scales one channels-last window in place, the same way in training and in inference:
/// x' = (x − centre) / scale with, per type,
///   minmax: centre = min, scale = max − min (output in [0, 1]; the seed's setting);
///   standard: centre = mean, scale = standard deviation;
///   robust: centre = median, scale = interquartile range (75th − 25th percentile);
///   log: x' = sign(x)·ln(1 + |x|), no statistics.
/// Local scopes compute the statistics from the window itself, global ones use statistics fitted on the
/// training set. Deliberate differences from the seed: a zero scale (a flat window or channel) leaves the
/// values centred instead of dividing by zero, and log is the signed log1p because the seed's np.log of a
/// signed waveform gave NaN for every negative sample.
/// </summary>
public sealed class WindowScaler
{
    private readonly ScalingSettings _settings;
    private readonly ScalingStatistics? _global;

    public WindowScaler(ScalingSettings settings, ScalingStatistics? globalStatistics = null)
    {
        _settings = settings;
        if (settings.Type != ScalerType.Log && settings.Scope == ScalingScope.Global)
        {
            _global = globalStatistics ?? throw new ArgumentException(
                $"a global {settings.Type} scaler needs statistics fitted on the training set", nameof(globalStatistics));
            if (globalStatistics.PerChannel != settings.PerChannel)
                throw new ArgumentException(
                    $"the statistics are {(globalStatistics.PerChannel ? "per channel" : "for all channels")}, the settings ask for the other", nameof(globalStatistics));
        }
    }

    /// <summary>
    /// True when a sample's scaled value depends on the other samples of its window (local statistics); false for
    /// global statistics and for log, where scaling a whole segment once equals scaling each window of it.
    /// </summary>
    public bool DependsOnWindow => _settings.Type != ScalerType.Log && _settings.Scope == ScalingScope.Local;

    public void Scale(Span<float> window, int channels)
    {
        if (window.Length % channels != 0)
            throw new ArgumentException($"a window of {channels} channels cannot hold {window.Length} values", nameof(window));

        if (_settings.Type == ScalerType.Log)
        {
            foreach (ref var x in window)
                x = MathF.Sign(x) * MathF.Log(1 + MathF.Abs(x));
            return;
        }

        if (!_settings.PerChannel)
        {
            var (center, scale) = _global is null ? WindowStatistics.Of(_settings.Type, window, 0, 1) : (_global.Centers[0], _global.Scales[0]);
            Apply(window, 0, 1, center, scale);
            return;
        }

        for (var channel = 0; channel < channels; channel++)
        {
            var (center, scale) = _global is null
                ? WindowStatistics.Of(_settings.Type, window, channel, channels)
                : (_global.Centers[channel], _global.Scales[channel]);
            Apply(window, channel, channels, center, scale);
        }
    }

    private static void Apply(Span<float> window, int first, int stride, double center, double scale)
    {
        var inverse = scale > 0 ? 1 / scale : 1;
        for (var i = first; i < window.Length; i += stride)
            window[i] = (float)((window[i] - center) * inverse);
    }
}
