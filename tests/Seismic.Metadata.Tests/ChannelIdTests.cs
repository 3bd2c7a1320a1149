using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

public sealed class ChannelIdTests
{
    [Fact]
    public void Should_parse_an_empty_location()
    {
        var id = ChannelId.Parse("CN.YKB0..SHZ");

        Assert.Equal(new ChannelId("CN", "YKB0", "", "SHZ"), id);
        Assert.Equal("CN.YKB0..SHZ", id.ToString());
    }

    [Fact]
    public void Should_keep_a_two_space_location_distinct_from_an_empty_one()
    {
        var twoSpaces = new ChannelId("CN", "YKB0", "  ", "SHZ");
        var empty = new ChannelId("CN", "YKB0", "", "SHZ");

        Assert.NotEqual(twoSpaces, empty);
        Assert.True(twoSpaces.Matches(empty));
        Assert.Equal("CN.YKB0.  .SHZ", twoSpaces.ToString());
    }

    [Fact]
    public void Should_not_match_a_different_location_or_channel()
    {
        var id = ChannelId.Parse("IU.ANMO.00.BHZ");

        Assert.False(id.Matches(ChannelId.Parse("IU.ANMO.10.BHZ")));
        Assert.False(id.Matches(ChannelId.Parse("IU.ANMO..BHZ")));
        Assert.False(id.Matches(ChannelId.Parse("IU.ANMO.00.BHN")));
    }

    [Theory]
    [InlineData("CN.YKB0.SHZ")]
    [InlineData("CN..00.SHZ")]
    [InlineData("CN.YKB0.00.")]
    [InlineData("")]
    public void Should_refuse_text_that_is_not_four_dotted_codes(string text)
    {
        Assert.Throws<FormatException>(() => ChannelId.Parse(text));
    }
}
