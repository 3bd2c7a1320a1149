using System.Text.Json;
using Seismic.Signal.Conditioning;
using Seismic.Signal.Tests.Support;
using Xunit.Abstractions;

namespace Seismic.Signal.Tests.Conditioning;

public class CosineTaperTests(ITestOutputHelper output)
{
    private static readonly JsonElement Fixture = Fixtures.Load("conditioning.json");

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Fixture.GetProperty("tapers").GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Taper_matches_obspy_cosine_taper(int caseIndex)
    {
        var c = Fixture.GetProperty("tapers")[caseIndex];
        var length = c.GetProperty("length").GetInt32();
        var rate = c.GetProperty("sampleRateHz").GetDouble();
        var fraction = c.GetProperty("maxFraction").NullableDouble();
        var maxLength = c.GetProperty("maxLengthSeconds").NullableDouble();
        var x = Fixture.GetProperty("input").Doubles()[..length];

        switch (fraction, maxLength)
        {
            case ({ } f, { } m):
                CosineTaper.Apply(x, rate, f, m);
                break;
            case ({ } f, null):
                CosineTaper.ApplyByFraction(x, f);
                break;
            default:
                CosineTaper.ApplyByMaxLength(x, rate, maxLength!.Value);
                break;
        }

        var error = Accuracy.MaxRelativeError(x, c.GetProperty("expected").Doubles());
        output.WriteLine($"taper n={length} fraction={fraction} maxLength={maxLength}: max relative error {error:E2}");
        Assert.True(error < Accuracy.ScipyTolerance, $"error {error:E2}");
    }

    [Fact]
    public void Ten_second_taper_at_40_hz_ramps_over_400_samples_from_zero_to_one()
    {
        var x = Enumerable.Repeat(1.0, 12000).ToArray();

        CosineTaper.ApplyByMaxLength(x, 40.0, 10.0);

        Assert.Equal(0.0, x[0]);
        Assert.Equal(0.0, x[^1]);
        Assert.Equal(1.0, x[399], 12);
        Assert.True(x[398] < 1.0);
        Assert.Equal(1.0, x[400]);
        Assert.Equal(x[100], x[^101], 12);
    }
}
