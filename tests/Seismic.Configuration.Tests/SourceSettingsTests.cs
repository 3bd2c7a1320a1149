namespace Seismic.Configuration.Tests;

public sealed class SourceSettingsTests
{
    [Theory]
    [InlineData("file:///data/*.mseed", SourceScheme.File)]
    [InlineData("sds:///archive", SourceScheme.Sds)]
    [InlineData("seedlink://rtserve.example.org:18000", SourceScheme.Seedlink)]
    [InlineData("FDSNWS://service.example.org", SourceScheme.Fdsnws)]
    [InlineData("https://service.iris.edu/fdsnws/", SourceScheme.Https)]
    public void Should_recognise_each_supported_scheme(string uri, SourceScheme scheme)
    {
        var settings = SettingsLoader.Load(RepoFiles.SettingsPath, new Dictionary<string, string> { ["source.uri"] = uri });

        Assert.Equal(scheme, settings.Source.Scheme);
        Assert.Equal(uri, settings.Source.Uri);
    }

    [Fact]
    public void Should_reject_a_scheme_with_nothing_after_it()
    {
        var error = Assert.Single(YamlText.ErrorsAfter("  uri: \"sds://../output/demo/scenario/archive\"", "  uri: \"seedlink://\""));

        Assert.Equal("source.uri", error.KeyPath);
        Assert.StartsWith("names no host or path", error.Reason);
    }
}
