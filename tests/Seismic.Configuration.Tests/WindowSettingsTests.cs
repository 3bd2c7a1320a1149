namespace Seismic.Configuration.Tests;

public sealed class WindowSettingsTests
{
    private static WindowSettings Window(double lengthS, double stepS, double sampleRateHz) => new()
    {
        LengthS = lengthS,
        StepS = stepS,
        SampleRateHz = sampleRateHz,
        EdgeS = 10,
        PPositionS = 60,
        EventBufferS = 30,
        PVelocityKmS = 6.45,
        SVelocityKmS = 3.70,
    };

    [Theory]
    [InlineData(240, 5, 40, 9601, 200)]
    [InlineData(60, 2.5, 100, 6001, 250)]
    public void Should_count_both_end_samples_in_a_window_and_none_extra_in_a_step(double lengthS, double stepS, double rateHz, int samples, int step)
    {
        var window = Window(lengthS, stepS, rateHz);

        Assert.Equal(samples, window.SamplesPerWindow);
        Assert.Equal(step, window.StepSamples);
    }

    // The seed's 201-sample step fitted 12 windows in the same segment.
    [Fact]
    public void Should_fit_thirteen_windows_in_a_300_second_segment()
    {
        var window = Window(240, 5, 40);
        var segmentSamples = (int)(300 * window.SampleRateHz) + 1;

        var windows = ((segmentSamples - window.SamplesPerWindow) / window.StepSamples) + 1;

        Assert.Equal(13, windows);
    }
}
