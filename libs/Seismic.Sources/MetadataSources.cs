using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;
using Seismic.Sources.Fdsn;
using Seismic.Waveforms.Selection;

namespace Seismic.Sources;

/// <summary>
/// Reads an inventory or a catalog from where the user points: a file (a path, or <c>file:///path</c>) or an
/// FDSN node (<c>fdsnws://host[:port]</c>, or an <c>http(s)://</c> base URL), whose station and event services
/// are asked. A file is read whole: the selection and the interval narrow a web-service request, since a local
/// file costs nothing to read and the caller picks the epochs and events it needs anyway.
/// </summary>
public static class MetadataSources
{
    /// <summary>Open end of the epochs asked for by <see cref="ReadAllEpochsAsync"/>.</summary>
    private static readonly DateTime EndOfEpochs = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Every epoch of the selected channels: what a worker keeps for the array's whole life and looks up by time
    /// (a file is read whole; a station service is asked from the Unix epoch to 2100).
    /// </summary>
    /// <exception cref="MetadataSourceException">The file does not exist or cannot be read, or the service failed; the message names the file or URL.</exception>
    /// <exception cref="Metadata.MetadataFormatException">The document is not StationXML the reader accepts.</exception>
    public static Task<Inventory> ReadAllEpochsAsync(string fileOrUri, IReadOnlyList<ChannelSelection> channels, CancellationToken cancellationToken = default) =>
        ReadInventoryAsync(fileOrUri, channels, DateTime.UnixEpoch, EndOfEpochs, cancellationToken);

    /// <summary>Channel-level StationXML from a file or from an FDSN station service.</summary>
    /// <exception cref="MetadataSourceException">The file does not exist or cannot be read, or the service failed; the message names the file or URL.</exception>
    /// <exception cref="Metadata.MetadataFormatException">The document is not StationXML the reader accepts.</exception>
    public static Task<Inventory> ReadInventoryAsync(string fileOrUri, IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken = default) =>
        ReadInventoryAsync(fileOrUri, channels, startUtc, endUtc, baseDirectory: null, fdsnOptions: null, cancellationToken);

    /// <param name="fileOrUri">Where to read.</param>
    /// <param name="channels">The channels to ask a service for.</param>
    /// <param name="startUtc">Start of the interval whose channel epochs a service returns.</param>
    /// <param name="endUtc">End of that interval.</param>
    /// <param name="baseDirectory">Folder a relative path is resolved against; null for the working directory.</param>
    /// <param name="fdsnOptions">Timeouts and retries of a service request; null for the defaults.</param>
    /// <param name="cancellationToken">Stops a service request.</param>
    /// <exception cref="MetadataSourceException">The file does not exist or cannot be read, or the service failed; the message names the file or URL.</exception>
    /// <exception cref="Metadata.MetadataFormatException">The document is not StationXML the reader accepts.</exception>
    public static async Task<Inventory> ReadInventoryAsync(string fileOrUri, IReadOnlyList<ChannelSelection> channels, DateTime startUtc, DateTime endUtc,
        string? baseDirectory, FdsnClientOptions? fdsnOptions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileOrUri);
        ArgumentNullException.ThrowIfNull(channels);
        if (OpenClient(fileOrUri, fdsnOptions) is { } client)
        {
            using (client)
                return await client.StationsAsync(channels, startUtc, endUtc, cancellationToken).ConfigureAwait(false);
        }
        return ReadFile(fileOrUri, baseDirectory, "StationXML", path => StationXmlReader.ReadFile(path));
    }

    /// <summary>QuakeML from a file or from an FDSN event service (events with origins in the interval).</summary>
    /// <exception cref="MetadataSourceException">The file does not exist or cannot be read, or the service failed; the message names the file or URL.</exception>
    /// <exception cref="Metadata.MetadataFormatException">The document is not QuakeML the reader accepts.</exception>
    public static Task<Catalog> ReadCatalogAsync(string fileOrUri, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken = default) =>
        ReadCatalogAsync(fileOrUri, startUtc, endUtc, query: null, baseDirectory: null, fdsnOptions: null, cancellationToken);

    /// <param name="fileOrUri">Where to read.</param>
    /// <param name="startUtc">Start of the interval of origin times a service returns.</param>
    /// <param name="endUtc">End of that interval.</param>
    /// <param name="query">Further limits for a service (magnitude, region); null for none. A file is read whole.</param>
    /// <param name="baseDirectory">Folder a relative path is resolved against; null for the working directory.</param>
    /// <param name="fdsnOptions">Timeouts and retries of a service request; null for the defaults.</param>
    /// <param name="cancellationToken">Stops a service request.</param>
    /// <exception cref="MetadataSourceException">The file does not exist or cannot be read, or the service failed; the message names the file or URL.</exception>
    /// <exception cref="Metadata.MetadataFormatException">The document is not QuakeML the reader accepts.</exception>
    public static async Task<Catalog> ReadCatalogAsync(string fileOrUri, DateTime startUtc, DateTime endUtc, FdsnEventQuery? query,
        string? baseDirectory, FdsnClientOptions? fdsnOptions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileOrUri);
        if (OpenClient(fileOrUri, fdsnOptions) is { } client)
        {
            using (client)
                return await client.EventsAsync(startUtc, endUtc, query, cancellationToken).ConfigureAwait(false);
        }
        return ReadFile(fileOrUri, baseDirectory, "QuakeML", path => QuakeMlReader.ReadFile(path));
    }

    /// <summary>A client when the address names an FDSN node; null when it names a file.</summary>
    private static FdsnClient? OpenClient(string fileOrUri, FdsnClientOptions? options)
    {
        var address = SourceAddress.Parse(fileOrUri);
        if (!FdsnEndpoint.IsFdsnScheme(address.Scheme))
        {
            if (address.Scheme is "" or "file")
                return null;
            throw new MetadataSourceException($"{fileOrUri}: unknown metadata source scheme '{address.Scheme}'; expected a file path, file:///path, fdsnws://host[:port] or an http(s):// FDSN base URL");
        }
        try
        {
            return new FdsnClient(FdsnEndpoint.Parse(fileOrUri), options);
        }
        catch (Exception invalid) when (invalid is FormatException or ArgumentException)
        {
            throw new MetadataSourceException(invalid.Message, invalid);
        }
    }

    private static T ReadFile<T>(string fileOrUri, string? baseDirectory, string format, Func<string, T> read)
    {
        string path;
        try
        {
            path = SourceAddress.Parse(fileOrUri).LocalPath(baseDirectory);
        }
        catch (WaveformSourceException noPath)
        {
            throw new MetadataSourceException(noPath.Message, noPath);
        }
        if (!File.Exists(path))
            throw new MetadataSourceException(Directory.Exists(path)
                ? $"{fileOrUri}: {path} is a folder; expected a {format} file"
                : $"{fileOrUri}: the {format} file {path} does not exist");
        try
        {
            return read(path);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            throw new MetadataSourceException($"{fileOrUri}: the {format} file {path} cannot be read ({unreadable.Message})", unreadable);
        }
    }
}
