using Seismic.Signal.Hygiene;

namespace Seismic.Signal.Tests.Hygiene;

public sealed class GlitchesTests
{
    private const double RateHz = 40;

    /// <summary>Seeded noise of standard deviation 100 counts on a slow swell, as raw counts look.</summary>
    private static double[] Noise(int count)
    {
        var random = new Random(7);
        return Enumerable.Range(0, count)
            .Select(i => 5000 * Math.Sin(2 * Math.PI * 0.2 * i / RateHz) + 100 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))
            .ToArray();
    }

    [Fact]
    public void Should_replace_a_lone_spike_by_the_line_between_its_neighbours()
    {
        var samples = Noise(4000);
        var (before, after) = (samples[1999], samples[2001]);
        samples[2000] = 1_000_000;

        var report = Glitches.Clean(samples, RateHz);

        Assert.Equal(1, report.SpikesRemoved);
        Assert.Equal((before + after) / 2, samples[2000], 6);
    }

    [Fact]
    public void Should_leave_a_large_earthquake_alone()
    {
        var samples = Noise(4000);
        // 5 Hz, 50,000 counts (500 times the noise) for 10 s: ground motion, not a glitch.
        for (var i = 2000; i < 2400; i++)
            samples[i] += 50_000 * Math.Sin(2 * Math.PI * 5 * i / RateHz);
        var original = (double[])samples.Clone();

        var report = Glitches.Clean(samples, RateHz);

        Assert.False(report.Any);
        Assert.Equal(original, samples);
    }

    [Fact]
    public void Should_take_a_stretch_of_exact_zeros_as_missing_data()
    {
        var samples = Noise(4000);
        Array.Clear(samples, 1000, 200);
        samples[3000] = 0;

        var report = Glitches.Clean(samples, RateHz);

        Assert.Equal(200, report.DeadSamples);
        Assert.All(samples[1000..1200], x => Assert.True(double.IsNaN(x)));
        // A single zero is a sample like any other.
        Assert.Equal(0, samples[3000]);
    }
}
