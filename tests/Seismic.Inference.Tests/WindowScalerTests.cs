using Seismic.Configuration;
using Seismic.Inference.Scaling;

namespace Seismic.Inference.Tests;

public sealed class WindowScalerTests
{
    private static ScalingSettings Settings(ScalerType type, bool perChannel = false, ScalingScope scope = ScalingScope.Local) =>
        new() { Type = type, PerChannel = perChannel, Scope = scope };

    // Two channels, channels-last: channel 0 = [0, 2, 4, 10], channel 1 = [-1, 1, 3, 5].
    private static float[] Window() => [0, -1, 2, 1, 4, 3, 10, 5];

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-6, $"value {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Fact]
    public void Should_scale_min_max_over_the_whole_window_as_the_seed_did()
    {
        var window = Window();

        new WindowScaler(Settings(ScalerType.MinMax)).Scale(window, channels: 2);

        // min -1, max 10: (x + 1) / 11.
        AssertClose([1 / 11f, 0, 3 / 11f, 2 / 11f, 5 / 11f, 4 / 11f, 1, 6 / 11f], window);
    }

    [Fact]
    public void Should_scale_min_max_per_channel()
    {
        var window = Window();

        new WindowScaler(Settings(ScalerType.MinMax, perChannel: true)).Scale(window, channels: 2);

        // channel 0: x / 10; channel 1: (x + 1) / 6.
        AssertClose([0, 0, 0.2f, 2 / 6f, 0.4f, 4 / 6f, 1, 1], window);
    }

    [Fact]
    public void Should_standardise_with_the_population_standard_deviation()
    {
        var window = Window();

        new WindowScaler(Settings(ScalerType.Standard, perChannel: true)).Scale(window, channels: 2);

        // channel 0: mean 4, variance (16 + 4 + 0 + 36) / 4 = 14; channel 1: mean 2, variance (9 + 1 + 1 + 9) / 4 = 5.
        var s0 = MathF.Sqrt(14);
        var s1 = MathF.Sqrt(5);
        AssertClose([-4 / s0, -3 / s1, -2 / s0, -1 / s1, 0, 1 / s1, 6 / s0, 3 / s1], window);
    }

    [Fact]
    public void Should_scale_robustly_by_median_and_interquartile_range()
    {
        var window = Window();

        new WindowScaler(Settings(ScalerType.Robust)).Scale(window, channels: 2);

        // All eight values sorted: -1 0 1 2 3 4 5 10. Median 2.5; 25th percentile at 1.75 -> 0.75; 75th at 5.25 -> 4.25; IQR 3.5.
        AssertClose(Window().Select(x => (x - 2.5f) / 3.5f).ToArray(), window);
    }

    [Fact]
    public void Should_take_a_signed_log_so_negative_samples_stay_finite()
    {
        var window = Window();

        new WindowScaler(Settings(ScalerType.Log)).Scale(window, channels: 2);

        AssertClose(Window().Select(x => MathF.Sign(x) * MathF.Log(1 + MathF.Abs(x))).ToArray(), window);
        Assert.All(window, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void Should_leave_a_flat_window_centred_instead_of_dividing_by_zero()
    {
        float[] window = [3, 3, 3, 3, 3, 3];

        new WindowScaler(Settings(ScalerType.MinMax)).Scale(window, channels: 3);

        Assert.All(window, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Should_use_fitted_statistics_for_a_global_scaler()
    {
        var window = Window();

        new WindowScaler(Settings(ScalerType.Standard, perChannel: true, ScalingScope.Global), new ScalingStatistics([1, 2], [2, 4])).Scale(window, channels: 2);

        AssertClose([-0.5f, -0.75f, 0.5f, -0.25f, 1.5f, 0.25f, 4.5f, 0.75f], window);
    }

    [Fact]
    public void Should_refuse_a_global_scaler_without_fitted_statistics()
    {
        Assert.Throws<ArgumentException>(() => new WindowScaler(Settings(ScalerType.MinMax, scope: ScalingScope.Global)));
    }

    [Fact]
    public void Should_refuse_statistics_that_do_not_match_the_per_channel_setting()
    {
        Assert.Throws<ArgumentException>(() =>
            new WindowScaler(Settings(ScalerType.MinMax, perChannel: true, ScalingScope.Global), ScalingStatistics.Single(0, 1)));
    }
}
