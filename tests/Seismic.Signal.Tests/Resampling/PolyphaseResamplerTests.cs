using System.Text.Json;
using Seismic.Signal.Resampling;
using Seismic.Signal.Tests.Support;
using Xunit.Abstractions;

namespace Seismic.Signal.Tests.Resampling;

public class PolyphaseResamplerTests(ITestOutputHelper output)
{
    private static readonly JsonElement Fixture = Fixtures.Load("resampling.json");

    public static TheoryData<int> Cases() => Fixtures.CaseIndices(Fixture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_scipy_resample_poly(int caseIndex)
    {
        var c = Fixture.GetProperty("cases")[caseIndex];
        var inputRate = c.GetProperty("inputRateHz").GetDouble();
        var outputRate = c.GetProperty("outputRateHz").GetDouble();
        var resampler = new PolyphaseResampler(inputRate, outputRate);

        var y = resampler.Resample(c.GetProperty("input").Doubles());

        Assert.Equal(c.GetProperty("up").GetInt32(), resampler.Up);
        Assert.Equal(c.GetProperty("down").GetInt32(), resampler.Down);
        var error = Accuracy.MaxRelativeError(y, c.GetProperty("expected").Doubles());
        output.WriteLine($"{inputRate} Hz -> {outputRate} Hz: max relative error {error:E2}");
        Assert.True(error < Accuracy.ScipyTolerance, $"error {error:E2}");
    }

    [Theory]
    [InlineData(100.0, 30.0)]
    [InlineData(200.0, 60.0)]
    [InlineData(50.0, 24.0)]
    public void Tone_above_the_new_nyquist_is_removed_instead_of_aliased(double inputRateHz, double toneHz)
    {
        var x = Enumerable.Range(0, (int)(20 * inputRateHz)).Select(n => Math.Sin(2 * Math.PI * toneHz * n / inputRateHz)).ToArray();

        var y = new PolyphaseResampler(inputRateHz, 40.0).Resample(x);

        // Away from the edges, where the filter sees zero padding.
        var rms = SyntheticArray.Rms(y.AsSpan(100, y.Length - 200));
        output.WriteLine($"{toneHz} Hz tone at {inputRateHz} Hz: rms after resampling to 40 Hz {rms:E2} (input 0.707)");
        Assert.True(rms < 0.01, $"rms {rms}");
    }

    [Fact]
    public void Tone_inside_the_band_keeps_its_amplitude()
    {
        var x = Enumerable.Range(0, 2000).Select(n => Math.Sin((2 * Math.PI * 5.0 * n / 100.0) + 0.3)).ToArray();

        var y = new PolyphaseResampler(100.0, 40.0).Resample(x);

        Assert.Equal(800, y.Length);
        Assert.Equal(Math.Sqrt(0.5), SyntheticArray.Rms(y.AsSpan(100, 600)), 2);
        // Output sample k is at time k / 40 s: no delay (the Kaiser design's passband ripple is about 1e-3).
        Assert.InRange(y[401] - Math.Sin((2 * Math.PI * 5.0 * 401 / 40.0) + 0.3), -0.005, 0.005);
    }

    [Fact]
    public void Equal_rates_copy_the_samples()
    {
        double[] x = [1, 2, 3];
        Assert.Equal(x, new PolyphaseResampler(40.0, 40.0).Resample(x));
    }

    [Fact]
    public void Rates_without_a_small_rational_ratio_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new PolyphaseResampler(40.0, 39.9999));
        Assert.Contains("1 mHz", error.Message);
    }
}
