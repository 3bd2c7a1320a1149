using System.Text.Json;
using Seismic.Signal.Filters;
using Seismic.Signal.Tests.Support;
using Xunit.Abstractions;

namespace Seismic.Signal.Tests.Filters;

public class ButterworthTests(ITestOutputHelper output)
{
    private static readonly JsonElement Fixture = Fixtures.Load("filters.json");

    public static TheoryData<int> Cases() => Fixtures.CaseIndices(Fixture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Causal_filter_matches_scipy_sosfilt(int caseIndex)
    {
        var (name, filter, input, expected) = Load(caseIndex, "causal");

        filter.Filter(input);

        var error = Accuracy.MaxRelativeError(input, expected);
        output.WriteLine($"{name} causal: max relative error {error:E2}");
        Assert.True(error < Accuracy.ScipyTolerance, $"{name}: error {error:E2}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Zero_phase_filter_matches_obspy_forward_backward_sosfilt(int caseIndex)
    {
        var (name, filter, input, expected) = Load(caseIndex, "zeroPhase");

        filter.FilterZeroPhase(input);

        var error = Accuracy.MaxRelativeError(input, expected);
        output.WriteLine($"{name} zero-phase: max relative error {error:E2}");
        Assert.True(error < Accuracy.ScipyTolerance, $"{name}: error {error:E2}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public void Gain_at_every_corner_is_one_over_root_two(int order)
    {
        const double rate = 40.0;
        var expected = 1.0 / Math.Sqrt(2.0);

        Assert.Equal(expected, Butterworth.LowPass(order, 5.0, rate).MagnitudeAt(5.0, rate), 9);
        Assert.Equal(expected, Butterworth.HighPass(order, 1.5, rate).MagnitudeAt(1.5, rate), 9);
        var band = Butterworth.BandPass(order, 2.0, 8.0, rate);
        Assert.Equal(expected, band.MagnitudeAt(2.0, rate), 9);
        Assert.Equal(expected, band.MagnitudeAt(8.0, rate), 9);
        Assert.Equal(1.0, band.MagnitudeAt(BandCentreHz(2.0, 8.0, rate), rate), 9);
    }

    /// <summary>Where a bilinear band-pass has unit gain: the geometric mean of the pre-warped corners.</summary>
    private static double BandCentreHz(double lowHz, double highHz, double rateHz) =>
        Math.Atan(Math.Sqrt(Math.Tan(Math.PI * lowHz / rateHz) * Math.Tan(Math.PI * highHz / rateHz))) * rateHz / Math.PI;

    [Fact]
    public void Band_pass_of_order_four_has_four_sections_and_odd_low_pass_has_a_first_order_one()
    {
        Assert.Equal(4, Butterworth.BandPass(4, 2.0, 8.0, 40.0).SectionCount);
        var lowPass = Butterworth.LowPass(5, 5.0, 40.0);
        Assert.Equal(3, lowPass.SectionCount);
        var sos = lowPass.ToArray();
        Assert.Equal(1, Enumerable.Range(0, 3).Count(s => sos[s, 5] == 0.0 && sos[s, 2] == 0.0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(20.0)]
    [InlineData(25.0)]
    public void Corner_outside_zero_to_nyquist_is_rejected(double cornerHz)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Butterworth.HighPass(4, cornerHz, 40.0));
    }

    [Fact]
    public void Band_pass_with_corners_the_wrong_way_round_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Butterworth.BandPass(4, 8.0, 2.0, 40.0));
        Assert.Contains("must be below", error.Message);
    }

    private static (string Name, SecondOrderSections Filter, double[] Input, double[] Expected) Load(int caseIndex, string outputName)
    {
        var c = Fixture.GetProperty("cases")[caseIndex];
        var type = c.GetProperty("type").GetString()!;
        var order = c.GetProperty("order").GetInt32();
        var corners = c.GetProperty("cornersHz").Doubles();
        var rate = c.GetProperty("sampleRateHz").GetDouble();
        var filter = type switch
        {
            "lowpass" => Butterworth.LowPass(order, corners[0], rate),
            "highpass" => Butterworth.HighPass(order, corners[0], rate),
            _ => Butterworth.BandPass(order, corners[0], corners[1], rate),
        };
        var input = Fixture.GetProperty("inputs").GetProperty(((int)rate).ToString(System.Globalization.CultureInfo.InvariantCulture)).Doubles();
        return ($"{type} order {order} {string.Join("-", corners)} Hz at {rate} Hz", filter, input, c.GetProperty(outputName).Doubles());
    }
}
