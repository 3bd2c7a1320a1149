using Seismic.Sources.Fdsn;
using Seismic.Sources.Files;
using Seismic.Sources.Sds;
using Seismic.Sources.Tests.Support;
using Seismic.TestSupport;

namespace Seismic.Sources.Tests;

public sealed class WaveformSourcesTests
{
    [Theory]
    [InlineData("fdsnws://127.0.0.1:8080", "http://127.0.0.1:8080/fdsnws/")]
    [InlineData("fdsnwss://geofon.gfz.de", "https://geofon.gfz.de/fdsnws/")]
    [InlineData("https://service.iris.edu/fdsnws/", "https://service.iris.edu/fdsnws/")]
    [InlineData("http://127.0.0.1:5000/fdsnws", "http://127.0.0.1:5000/fdsnws/")]
    public void Should_open_an_fdsn_source_for_an_fdsnws_or_http_address_keeping_the_address_as_written(string address, string baseUrl)
    {
        using var source = WaveformSources.Open(address);

        var fdsn = Assert.IsType<FdsnWaveformSource>(source);
        Assert.Equal(address, fdsn.Address);
        Assert.Equal(baseUrl, fdsn.Endpoint.BaseUrl.ToString());
    }

    [Fact]
    public void Should_open_archives_and_files_by_scheme_or_by_what_a_plain_path_is()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(RepositoryPaths.SharedData, "obspy", "mseed", "test.mseed");

        using var sds = WaveformSources.Open("sds://" + folder.Path);
        using var plainFolder = WaveformSources.Open(folder.Path);
        using var files = WaveformSources.Open("file://" + file);
        using var plainFile = WaveformSources.Open(file);

        Assert.IsType<SdsSource>(sds);
        Assert.IsType<SdsSource>(plainFolder);
        Assert.IsType<MiniSeedFilesSource>(files);
        Assert.IsType<MiniSeedFilesSource>(plainFile);
    }

    [Theory]
    [InlineData("ftp://example.org/data", "unknown source scheme 'ftp'")]
    [InlineData("fdsnws://example.org/fdsnws/?net=NO", "without a query")]
    [InlineData("seedlink://example.org:18000", "streams live data")]
    public void Should_refuse_an_address_it_cannot_open_naming_it_and_why(string address, string reason)
    {
        var error = Assert.Throws<WaveformSourceException>(() => WaveformSources.Open(address));

        Assert.StartsWith(address + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
