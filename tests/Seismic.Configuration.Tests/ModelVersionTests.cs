namespace Seismic.Configuration.Tests;

public sealed class ModelVersionTests
{
    [Theory]
    [InlineData("latest", null)]
    [InlineData("LATEST", null)]
    [InlineData("1", 1)]
    [InlineData("42", 42)]
    public void Should_parse_latest_or_a_positive_version(string text, int? number)
    {
        Assert.True(ModelVersion.TryParse(text, out var version));
        Assert.Equal(number, version.Number);
        Assert.Equal(number is null, version.IsLatest);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("newest")]
    [InlineData("")]
    public void Should_reject_anything_else(string text)
    {
        Assert.False(ModelVersion.TryParse(text, out _));
    }

    [Fact]
    public void Should_reject_a_version_of_zero_in_the_settings_file()
    {
        var error = Assert.Single(YamlText.ErrorsAfter("  version: latest", "  version: 0"));

        Assert.Equal("model.version", error.KeyPath);
        Assert.Equal("expected 'latest' or a positive integer, got '0'", error.Reason);
    }

    [Fact]
    public void Should_write_itself_as_it_is_written_in_the_yaml()
    {
        Assert.Equal("latest", ModelVersion.Latest.ToString());
        Assert.Equal("7", ModelVersion.Of(7).ToString());
    }
}
