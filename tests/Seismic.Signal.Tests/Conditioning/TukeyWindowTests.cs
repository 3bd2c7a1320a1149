using Seismic.Signal.Conditioning;
using Seismic.Signal.Tests.Support;
using Xunit.Abstractions;

namespace Seismic.Signal.Tests.Conditioning;

public class TukeyWindowTests(ITestOutputHelper output)
{
    [Fact]
    public void Window_matches_scipy_tukey()
    {
        var fixture = Fixtures.Load("conditioning.json");
        foreach (var c in fixture.GetProperty("tukey").EnumerateArray())
        {
            var length = c.GetProperty("length").GetInt32();
            var alpha = c.GetProperty("alpha").GetDouble();

            var w = TukeyWindow.Create(length, alpha);

            var error = Accuracy.MaxRelativeError(w, c.GetProperty("expected").Doubles());
            output.WriteLine($"tukey M={length} alpha={alpha}: max relative error {error:E2}");
            Assert.True(error < Accuracy.ScipyTolerance, $"M={length} alpha={alpha}: error {error:E2}");
        }
    }
}
