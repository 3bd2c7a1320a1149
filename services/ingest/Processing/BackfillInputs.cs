using System.Collections.Concurrent;
using Seismic.Metadata;
using Seismic.Metadata.QuakeMl;
using Seismic.Metadata.StationXml;
using Seismic.Sources;
using Seismic.Waveforms.Selection;

namespace Seismic.Ingest.Processing;

/// <summary>A source, inventory or catalog a backfill names cannot be used; the message says which and why.</summary>
public sealed class BackfillInputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// What a backfill reads, opened once per address and kept: waveform sources (so their record indexes survive
/// from one chunk of segments to the next) and inventories. A catalog is read for each request, since a
/// request asks for its own interval.
/// </summary>
public sealed class BackfillInputs : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<IWaveformSource>> _sources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Inventory>> _inventories = new(StringComparer.Ordinal);

    /// <exception cref="BackfillInputException">The URI is malformed or names nothing readable.</exception>
    public IWaveformSource Source(string uri)
    {
        var source = _sources.GetOrAdd(uri, key => new Lazy<IWaveformSource>(() => WaveformSources.Open(key)));
        try
        {
            return source.Value;
        }
        catch (WaveformSourceException unusable)
        {
            // Not kept: once the folder or server is there, the next request opens it.
            _sources.TryRemove(uri, out _);
            throw new BackfillInputException($"waveform source {unusable.Message}", unusable);
        }
    }

    /// <summary>
    /// The array's channels (all their epochs) from the StationXML file or station service at
    /// <paramref name="location"/>; null when none is configured.
    /// </summary>
    /// <exception cref="BackfillInputException">The file is missing or is not StationXML, or the service failed.</exception>
    public Inventory? Inventory(string? location, ChannelSelection arrayChannels)
    {
        if (string.IsNullOrWhiteSpace(location))
            return null;
        var inventory = _inventories.GetOrAdd(location, key => new Lazy<Inventory>(() =>
            MetadataSources.ReadAllEpochsAsync(key, [arrayChannels]).GetAwaiter().GetResult()));
        try
        {
            return inventory.Value;
        }
        catch (Exception unreadable) when (unreadable is MetadataSourceException or MetadataFormatException)
        {
            _inventories.TryRemove(location, out _);
            throw new BackfillInputException($"inventory {unreadable.Message}", unreadable);
        }
    }

    /// <summary>The events of a QuakeML file, or those an FDSN event service has in [startUtc, endUtc].</summary>
    /// <exception cref="BackfillInputException">The file is missing or is not QuakeML, or the service failed.</exception>
    public static async Task<Catalog> Catalog(string location, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken)
    {
        try
        {
            return await MetadataSources.ReadCatalogAsync(location, startUtc, endUtc, cancellationToken);
        }
        catch (Exception unreadable) when (unreadable is MetadataSourceException or MetadataFormatException)
        {
            throw new BackfillInputException($"catalog {unreadable.Message}", unreadable);
        }
    }

    public void Dispose()
    {
        foreach (var source in _sources.Values.Where(s => s.IsValueCreated))
            source.Value.Dispose();
    }
}
