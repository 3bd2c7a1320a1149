using Seismic.Waveforms.Time;

namespace Seismic.Waveforms.Tests.Time;

public class NanoTimeTests
{
    [Theory]
    [InlineData("2012-05-12T00:00:00Z")]
    [InlineData("2012-05-12T00:00:00.123457Z")]
    [InlineData("2012-05-12T00:00:00.123456789Z")]
    [InlineData("1964-03-27T21:11:24.987654321Z")]
    public void Should_print_times_as_libmseed_does_and_parse_them_back(string text)
    {
        var time = NanoTime.Parse(text);
        Assert.Equal(text, time.ToString());
    }

    [Fact]
    public void Should_build_times_from_year_and_day_of_year()
    {
        Assert.Equal(NanoTime.Parse("2024-12-31T23:59:59.5Z"), NanoTime.FromYearDay(2024, 366, 23, 59, 59, 500_000_000));
        Assert.Equal(NanoTime.Parse("1964-03-27T00:00:00Z"), NanoTime.FromYearDay(1964, 87, 0, 0, 0, 0));
        Assert.Equal(366, NanoTime.Parse("2024-12-31T12:00:00Z").DayOfYear);
    }

    [Fact]
    public void Should_convert_to_and_from_datetime_at_tick_precision()
    {
        var date = new DateTime(2023, 10, 30, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        Assert.Equal(date, NanoTime.FromDateTime(date).ToDateTime());
        Assert.Equal(NanoTime.Parse("1969-12-31T23:59:59.5Z").StartOfDay, NanoTime.Parse("1969-12-31T00:00:00Z"));
    }

    [Fact]
    public void Should_reject_malformed_text()
    {
        Assert.False(NanoTime.TryParse("2012-05-12T00:00:00.1234567891Z", out _));
        Assert.Throws<FormatException>(() => NanoTime.Parse("yesterday"));
    }
}
