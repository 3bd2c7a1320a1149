namespace Seismic.Configuration.Tests;

public sealed class ArraySettingsTests
{
    private readonly ArraySettings _array = SettingsLoader.Load(RepoFiles.SettingsPath).Array;

    [Fact]
    public void Should_use_the_legacy_channels_before_2014_09_19()
    {
        Assert.Equal("s*", _array.ChannelPatternAt(new DateTime(2014, 9, 18, 23, 59, 59, DateTimeKind.Utc)));
    }

    [Fact]
    public void Should_use_the_broadband_channels_from_2014_09_19_on()
    {
        Assert.Equal("BH?", _array.ChannelPatternAt(new DateTime(2014, 9, 19, 0, 0, 0, DateTimeKind.Utc)));
    }
}
