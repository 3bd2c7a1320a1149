using Seismic.Signal.Conditioning;
using Seismic.Signal.Tests.Support;
using Xunit.Abstractions;

namespace Seismic.Signal.Tests.Conditioning;

public class DetrendTests(ITestOutputHelper output)
{
    [Fact]
    public void Demean_matches_numpy()
    {
        var fixture = Fixtures.Load("conditioning.json");
        var x = fixture.GetProperty("input").Doubles();

        Detrend.Demean(x);

        var error = Accuracy.MaxRelativeError(x, fixture.GetProperty("demeaned").Doubles());
        output.WriteLine($"demean: max relative error {error:E2}");
        Assert.True(error < Accuracy.ScipyTolerance, $"error {error:E2}");
    }

    [Fact]
    public void Linear_detrend_matches_scipy_detrend()
    {
        var fixture = Fixtures.Load("conditioning.json");
        var x = fixture.GetProperty("input").Doubles();

        Detrend.Linear(x);

        var error = Accuracy.MaxRelativeError(x, fixture.GetProperty("linearDetrended").Doubles());
        output.WriteLine($"linear detrend: max relative error {error:E2}");
        Assert.True(error < Accuracy.ScipyTolerance, $"error {error:E2}");
    }

    [Fact]
    public void Linear_detrend_removes_a_straight_line_completely()
    {
        var x = Enumerable.Range(0, 1000).Select(i => 1e4 + (0.37 * i)).ToArray();

        Detrend.Linear(x);

        Assert.All(x, v => Assert.True(Math.Abs(v) < 1e-9, $"residual {v}"));
    }
}
