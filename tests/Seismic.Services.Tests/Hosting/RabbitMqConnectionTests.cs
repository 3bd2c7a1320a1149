using Seismic.Hosting;

namespace Seismic.Services.Tests.Hosting;

public sealed class RabbitMqConnectionTests
{
    [Fact]
    public void Should_read_every_part_of_an_amqp_uri()
    {
        var connection = RabbitMqConnection.Parse("amqp://seismic:s3cret@rabbit.example:35672/monitoring");

        Assert.Equal(new RabbitMqConnection("rabbit.example", 35672, "monitoring", "seismic", "s3cret", UseTls: false), connection);
    }

    [Fact]
    public void Should_use_the_default_ports_and_the_root_virtual_host()
    {
        Assert.Equal(new RabbitMqConnection("localhost", 5672, "/", "guest", "guest", false), RabbitMqConnection.Parse("amqp://localhost"));
        Assert.Equal(new RabbitMqConnection("localhost", 5671, "/", "guest", "guest", true), RabbitMqConnection.Parse("amqps://localhost/"));
    }

    [Fact]
    public void Should_unescape_the_virtual_host_and_credentials()
    {
        var connection = RabbitMqConnection.Parse("amqp://us%40er:p%3Ass@host/%2F");

        Assert.Equal("/", connection.VirtualHost);
        Assert.Equal("us@er", connection.Username);
        Assert.Equal("p:ss", connection.Password);
    }

    [Fact]
    public void Should_refuse_another_scheme_and_say_what_is_expected()
    {
        var error = Assert.Throws<ArgumentException>(() => RabbitMqConnection.Parse("http://localhost:5672/"));

        Assert.Contains("'http'", error.Message);
        Assert.Contains("amqp://", error.Message);
    }

    [Fact]
    public void Should_refuse_text_that_is_not_a_uri()
    {
        Assert.Contains("not a URI", Assert.Throws<ArgumentException>(() => RabbitMqConnection.Parse("rabbit.example")).Message);
    }

    [Fact]
    public void Should_never_show_the_password_when_written_to_a_log()
    {
        var text = RabbitMqConnection.Parse("amqp://seismic:s3cret@rabbit.example:5672/").ToString();

        Assert.DoesNotContain("s3cret", text);
        Assert.Equal("amqp://seismic@rabbit.example:5672/%2F", text);
    }

    [Fact]
    public void Should_take_the_uri_over_the_separate_fields()
    {
        var options = new RabbitMqOptions { Host = "ignored", Uri = "amqp://other:5673/" };

        Assert.Equal("other", options.ToConnection().Host);
        Assert.Equal("ignored", new RabbitMqOptions { Host = "ignored" }.ToConnection().Host);
    }
}
