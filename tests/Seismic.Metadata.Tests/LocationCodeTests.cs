using Seismic.Metadata.StationXml;

namespace Seismic.Metadata.Tests;

public sealed class LocationCodeTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("--")]
    public void Should_call_every_spelling_of_a_blank_location_blank(string code)
    {
        Assert.True(LocationCode.IsBlank(code));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("10")]
    [InlineData("-")]
    public void Should_not_call_a_real_location_blank(string code)
    {
        Assert.False(LocationCode.IsBlank(code));
    }

    [Fact]
    public void Should_consider_blank_spellings_equivalent_but_not_real_codes()
    {
        Assert.True(LocationCode.AreEquivalent("  ", "--"));
        Assert.True(LocationCode.AreEquivalent("", "  "));
        Assert.True(LocationCode.AreEquivalent("00", "00"));
        Assert.False(LocationCode.AreEquivalent("00", ""));
    }
}
