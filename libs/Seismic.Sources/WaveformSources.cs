using Seismic.Sources.Fdsn;
using Seismic.Sources.Files;
using Seismic.Sources.Sds;

namespace Seismic.Sources;

/// <summary>
/// Opens a waveform source from its URI, as SeisComP's RecordStream does:
/// <c>sds:///path</c> (an SDS archive), <c>file:///path/*.mseed</c> (miniSEED files, any order),
/// <c>fdsnws://host[:port]</c> or an <c>http(s)://</c> base URL (FDSN dataselect). A plain path is read as an
/// SDS archive when it is a folder and as one miniSEED file otherwise.
/// </summary>
public static class WaveformSources
{
    /// <param name="uri">The source as the user wrote it.</param>
    /// <param name="baseDirectory">Folder a relative path is resolved against (the settings file's folder); null for the working directory.</param>
    /// <param name="fdsnOptions">Timeouts and retries of an FDSN source; null for <see cref="FdsnClientOptions.Default"/>.</param>
    /// <exception cref="WaveformSourceException">The URI is malformed, its scheme is unknown, or the folder or files it names do not exist.</exception>
    public static IWaveformSource Open(string uri, string? baseDirectory = null, FdsnClientOptions? fdsnOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        var address = SourceAddress.Parse(uri);
        if (FdsnEndpoint.IsFdsnScheme(address.Scheme))
            return new FdsnWaveformSource(uri, fdsnOptions);
        return address.Scheme switch
        {
            "sds" => new SdsSource(address.LocalPath(baseDirectory), uri),
            "file" => new MiniSeedFilesSource(address.LocalPath(baseDirectory), uri),
            "" => Directory.Exists(address.LocalPath(baseDirectory))
                ? new SdsSource(address.LocalPath(baseDirectory), uri)
                : new MiniSeedFilesSource(address.LocalPath(baseDirectory), uri),
            "seedlink" => throw new WaveformSourceException(
                $"{uri}: a SeedLink server streams live data; it cannot be read by interval here. Use sds://, file:// or fdsnws:// for a past interval."),
            _ => throw new WaveformSourceException(
                $"{uri}: unknown source scheme '{address.Scheme}'; expected sds:///path, file:///path/*.mseed, fdsnws://host[:port] or an http(s):// FDSN base URL such as https://service.iris.edu/fdsnws/"),
        };
    }
}

/// <summary>A source URI split into its scheme and the rest, without System.Uri's escaping (paths hold * and ?).</summary>
public sealed record SourceAddress(string Scheme, string Rest)
{
    public static SourceAddress Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var separator = uri.IndexOf("://", StringComparison.Ordinal);
        return separator <= 0 ? new SourceAddress("", uri) : new SourceAddress(uri[..separator].ToLowerInvariant(), uri[(separator + 3)..]);
    }

    /// <summary>
    /// The path of a local source: <c>sds:///data/archive</c> is /data/archive; <c>sds://archive</c> (no third
    /// slash) is a path relative to <paramref name="baseDirectory"/>.
    /// </summary>
    /// <exception cref="WaveformSourceException">The URI names no path.</exception>
    public string LocalPath(string? baseDirectory)
    {
        if (Rest.Length == 0)
            throw new WaveformSourceException($"{Scheme}://: the URI names no path");
        return Path.GetFullPath(Rest, baseDirectory ?? Directory.GetCurrentDirectory());
    }
}
