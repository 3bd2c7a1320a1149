using System.Text;
using Seismic.Cli.ErrorQueues;

namespace Seismic.Cli.Tests;

public sealed class ReplayHeadersTests
{
    private static readonly byte[] Text = Encoding.UTF8.GetBytes("x");

    [Fact]
    public void Should_drop_what_the_failure_added_and_keep_the_rest()
    {
        var original = new Dictionary<string, object?>
        {
            ["MT-Fault-ExceptionType"] = Text,
            ["MT-Fault-Message"] = Text,
            ["MT-Fault-StackTrace"] = Text,
            ["MT-Reason"] = Text,
            ["MT-Redelivery-Count"] = 3,
            ["MT-Activity-Id"] = Text,
            ["Content-Type"] = Text,
        };

        var replayed = ReplayHeaders.ForReplay(original);

        Assert.Equal(["Content-Type", "MT-Activity-Id", ReplayHeaders.ReplayCount], replayed.Keys.Order(StringComparer.Ordinal));
        Assert.Same(Text, replayed["MT-Activity-Id"]);
    }

    [Fact]
    public void Should_count_replays_up_from_the_header_as_the_broker_returns_it()
    {
        Assert.Equal(1, ReplayHeaders.ForReplay(null)[ReplayHeaders.ReplayCount]);
        Assert.Equal(3, ReplayHeaders.ForReplay(new Dictionary<string, object?> { [ReplayHeaders.ReplayCount] = 2 })[ReplayHeaders.ReplayCount]);
        Assert.Equal(5, ReplayHeaders.ForReplay(new Dictionary<string, object?> { [ReplayHeaders.ReplayCount] = Encoding.UTF8.GetBytes("4") })[ReplayHeaders.ReplayCount]);
    }
}
