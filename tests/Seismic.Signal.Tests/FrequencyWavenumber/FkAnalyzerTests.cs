using Seismic.Signal.Arrays;
using Seismic.Signal.FrequencyWavenumber;
using Seismic.Signal.Tests.Support;
using Xunit.Abstractions;

namespace Seismic.Signal.Tests.FrequencyWavenumber;

public class FkAnalyzerTests(ITestOutputHelper output)
{
    private const double Rate = 40.0;

    private static List<ArrayChannel> NoisyPlaneWave(double baz, double velocity, double noiseRms = 0.05, int seed = 3)
    {
        // A Ricker wavelet at 10 s in a 20 s segment, plus a little independent noise per site.
        var wave = SyntheticArray.PlaneWave(ArcesGeometry.All, baz, velocity, Rate, 20.0, t => SyntheticArray.Ricker(t, 10.0, 4.0));
        return SyntheticArray.Add(wave, SyntheticArray.Noise(ArcesGeometry.All, Rate, 20.0, seed, noiseRms));
    }

    [Theory]
    [InlineData(37.0, 6.45, 0.005)]
    [InlineData(250.0, 3.70, 0.01)]
    [InlineData(171.0, 7.76, 0.005)]
    [InlineData(305.0, 4.36, 0.01)]
    public void Plane_wave_back_azimuth_and_slowness_are_recovered(double baz, double velocity, double gridStep)
    {
        var channels = NoisyPlaneWave(baz, velocity);
        var options = new FkOptions { WindowSeconds = 4.0, StepFraction = 1.0, LowHz = 2.0, HighHz = 8.0, SlownessStepSPerKm = gridStep };

        var result = new FkAnalyzer(ArcesGeometry.All).Analyze(channels, options);

        var best = result.Windows.MaxBy(w => w.AbsolutePower)!;
        var bazError = Math.Abs(((best.BackAzimuthDeg - baz + 540.0) % 360.0) - 180.0);
        var slownessError = Math.Abs(best.SlownessSPerKm - (1.0 / velocity));
        var message = $"true baz {baz} deg, {1 / velocity:F4} s/km ({velocity} km/s); f-k {best.BackAzimuthDeg:F2} deg, {best.SlownessSPerKm:F4} s/km "
            + $"({best.ApparentVelocityKmPerS:F2} km/s), rel. power {best.RelativePower:F3}; errors {bazError:F2} deg, {slownessError:F4} s/km (grid step {gridStep})";
        output.WriteLine(message);
        Assert.True(bazError <= 2.0, message);
        Assert.True(slownessError <= gridStep, message);
        Assert.True(best.RelativePower > 0.9, message);
        Assert.Equal(26, best.SiteCount);
    }

    [Fact]
    public void Windows_slide_by_the_step_fraction_like_obspy()
    {
        var options = new FkOptions { WindowSeconds = 4.0, StepFraction = 0.5, LowHz = 2.0, HighHz = 8.0 };

        var result = new FkAnalyzer(ArcesGeometry.All).Analyze(NoisyPlaneWave(37.0, 6.45), options);

        // 800 samples, 160-sample windows every 80 samples: offsets 0, 80, ..., 640.
        Assert.Equal(9, result.Windows.Count);
        Assert.Equal(SyntheticArray.Start.AddSeconds(2), result.Windows[1].StartUtc);
        Assert.All(result.Windows, w => Assert.InRange(w.RelativePower, 0.0, 1.0 + 1e-12));
    }

    [Fact]
    public void Incoherent_noise_has_low_relative_power()
    {
        var noise = SyntheticArray.Noise(ArcesGeometry.All, Rate, 20.0, seed: 11);
        var options = new FkOptions { WindowSeconds = 4.0, LowHz = 2.0, HighHz = 8.0 };

        var result = new FkAnalyzer(ArcesGeometry.All).Analyze(noise, options);

        var highest = result.Windows.Max(w => w.RelativePower);
        output.WriteLine($"highest relative power of incoherent noise: {highest:F3}");
        Assert.True(highest < 0.35, $"relative power {highest}");
    }

    [Fact]
    public void Sites_with_a_gap_in_a_window_are_left_out_of_that_window_only()
    {
        var channels = NoisyPlaneWave(37.0, 6.45);
        Array.Fill(channels.Single(c => c.Site == "ARD4").Trace.Samples, double.NaN, (int)(9.0 * Rate), 20);
        var options = new FkOptions { WindowSeconds = 4.0, LowHz = 2.0, HighHz = 8.0, SlownessStepSPerKm = 0.005 };

        var result = new FkAnalyzer(ArcesGeometry.All).Analyze(channels, options);

        Assert.Contains(result.Issues, i => i.Site == "ARD4" && i.Kind == ArrayIssueKind.MissingSamples);
        Assert.Equal(25, result.Windows.Single(w => w.StartUtc == SyntheticArray.Start.AddSeconds(8)).SiteCount);
        Assert.Equal(26, result.Windows[0].SiteCount);
        var best = result.Windows.MaxBy(w => w.AbsolutePower)!;
        Assert.True(Math.Abs(best.BackAzimuthDeg - 37.0) <= 2.0, $"baz {best.BackAzimuthDeg}");
    }

    [Fact]
    public void Sites_at_another_rate_or_starting_off_the_sample_grid_are_handled()
    {
        var channels = NoisyPlaneWave(37.0, 6.45);
        var odd = SyntheticArray.PlaneWave([ArcesGeometry.All.Single(s => s.Name == "ARC3")], 37.0, 6.45, 100.0, 20.0, t => 0.0)[0];
        channels[channels.FindIndex(c => c.Site == "ARC3")] = odd;

        // ARB4 starts 0.3 samples late: its samples are taken 7.5 ms later than the others'.
        var index = channels.FindIndex(c => c.Site == "ARB4");
        var shifted = SyntheticArray.PlaneWave([ArcesGeometry.All.Single(s => s.Name == "ARB4")], 37.0, 6.45, Rate, 20.0, t => SyntheticArray.Ricker(t + 0.0075, 10.0, 4.0))[0];
        channels[index] = shifted with { Trace = shifted.Trace with { StartUtc = shifted.Trace.StartUtc.AddTicks(75_000) } };
        var options = new FkOptions { WindowSeconds = 4.0, LowHz = 2.0, HighHz = 8.0, SlownessStepSPerKm = 0.005 };

        var result = new FkAnalyzer(ArcesGeometry.All).Analyze(channels, options);

        Assert.Contains(result.Issues, i => i.Site == "ARC3" && i.Kind == ArrayIssueKind.SampleRateMismatch);
        var best = result.Windows.MaxBy(w => w.AbsolutePower)!;
        Assert.Equal(25, best.SiteCount);
        Assert.True(Math.Abs(best.BackAzimuthDeg - 37.0) <= 2.0, $"baz {best.BackAzimuthDeg}");
        Assert.True(best.RelativePower > 0.9, $"relative power {best.RelativePower}");
    }

    [Fact]
    public void A_segment_shorter_than_one_window_fails_with_a_clear_reason()
    {
        var channels = SyntheticArray.PlaneWave(ArcesGeometry.All, 37.0, 6.45, Rate, 3.0, t => 0.0);

        var error = Assert.Throws<ArrayProcessingException>(() =>
            new FkAnalyzer(ArcesGeometry.All).Analyze(channels, new FkOptions { WindowSeconds = 4.0, LowHz = 2.0, HighHz = 8.0 }));

        Assert.Contains("shorter than one 4 s window", error.Message);
    }

    [Fact]
    public void Too_few_sites_fail_with_a_clear_reason()
    {
        var channels = NoisyPlaneWave(37.0, 6.45).Take(2).ToList();

        var error = Assert.Throws<ArrayProcessingException>(() =>
            new FkAnalyzer(ArcesGeometry.All).Analyze(channels, new FkOptions { WindowSeconds = 4.0, LowHz = 2.0, HighHz = 8.0 }));

        Assert.Contains("at least 3 sites, 2 usable", error.Message);
    }
}
