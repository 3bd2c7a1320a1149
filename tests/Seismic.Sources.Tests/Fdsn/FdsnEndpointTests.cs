using Seismic.Sources.Fdsn;

namespace Seismic.Sources.Tests.Fdsn;

public sealed class FdsnEndpointTests
{
    [Theory]
    [InlineData("fdsnws://service.iris.edu", "http://service.iris.edu/fdsnws/")]
    [InlineData("fdsnws://127.0.0.1:5000", "http://127.0.0.1:5000/fdsnws/")]
    [InlineData("fdsnws://eida.geo.uib.no/", "http://eida.geo.uib.no/fdsnws/")]
    [InlineData("fdsnwss://geofon.gfz.de", "https://geofon.gfz.de/fdsnws/")]
    [InlineData("fdsnws+https://geofon.gfz.de:8443", "https://geofon.gfz.de:8443/fdsnws/")]
    [InlineData("https://service.iris.edu/fdsnws/", "https://service.iris.edu/fdsnws/")]
    [InlineData("http://127.0.0.1:5000/fdsnws", "http://127.0.0.1:5000/fdsnws/")]
    [InlineData("https://example.org", "https://example.org/fdsnws/")]
    [InlineData("https://example.org/proxy/fdsnws", "https://example.org/proxy/fdsnws/")]
    [InlineData("fdsnws://service.iris.edu/fdsnws/dataselect/1/query", "http://service.iris.edu/fdsnws/")]
    [InlineData("https://service.iris.edu/fdsnws/station/1/", "https://service.iris.edu/fdsnws/")]
    public void Should_resolve_an_address_to_the_base_url_of_the_node(string address, string baseUrl)
    {
        Assert.Equal(baseUrl, FdsnEndpoint.Parse(address).BaseUrl.ToString());
    }

    [Fact]
    public void Should_put_the_service_paths_below_the_base_url()
    {
        var endpoint = FdsnEndpoint.Parse("fdsnws://127.0.0.1:5000");

        Assert.Equal("http://127.0.0.1:5000/fdsnws/dataselect/1/query", endpoint.DataselectUrl.ToString());
        Assert.Equal("http://127.0.0.1:5000/fdsnws/station/1/query", endpoint.StationUrl.ToString());
        Assert.Equal("http://127.0.0.1:5000/fdsnws/event/1/query", endpoint.EventUrl.ToString());
    }

    [Theory]
    [InlineData("sds:///data/archive", "not an FDSN web-service address")]
    [InlineData("fdsnws://", "not a valid URL")]
    [InlineData("fdsnws://host:port", "not a valid URL")]
    [InlineData("https://service.iris.edu/fdsnws/?net=NO", "without a query")]
    [InlineData("https://user:secret@service.iris.edu/fdsnws/", "credentials")]
    public void Should_refuse_an_address_it_cannot_use_naming_it_and_why(string address, string reason)
    {
        var error = Assert.Throws<FormatException>(() => FdsnEndpoint.Parse(address));

        Assert.StartsWith(address + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
