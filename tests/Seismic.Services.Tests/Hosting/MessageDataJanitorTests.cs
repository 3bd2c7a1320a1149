using Microsoft.Extensions.Logging.Abstractions;
using Seismic.Hosting;
using Seismic.TestSupport;

namespace Seismic.Services.Tests.Hosting;

public sealed class MessageDataJanitorTests : IDisposable
{
    private readonly TempFolder _folder = new("seismic-janitor-");

    public void Dispose() => _folder.Dispose();

    private string Payload(string name, DateTime writtenUtc)
    {
        var path = _folder.Combine("2026", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[16]);
        File.SetLastWriteTimeUtc(path, writtenUtc);
        return path;
    }

    [Fact]
    public void Should_delete_the_payloads_older_than_the_retention_and_keep_the_rest()
    {
        var now = DateTime.UtcNow;
        var old = Payload("old", now.AddHours(-49));
        var recent = Payload("recent", now.AddHours(-1));
        var janitor = new MessageDataJanitor(_folder.Path, TimeSpan.FromHours(48), NullLogger<MessageDataJanitor>.Instance);

        Assert.Equal(1, janitor.DeleteOlderThan(now.AddHours(-48)));

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    [Fact]
    public async Task Should_delete_an_in_process_folder_when_the_process_stops()
    {
        var own = _folder.Combine("in-process-1");
        Directory.CreateDirectory(own);
        File.WriteAllBytes(Path.Combine(own, "payload"), new byte[16]);
        var janitor = new MessageDataJanitor(own, retention: null, NullLogger<MessageDataJanitor>.Instance);

        await janitor.StartAsync(CancellationToken.None);
        await janitor.StopAsync(CancellationToken.None);

        Assert.False(Directory.Exists(own));
    }
}
