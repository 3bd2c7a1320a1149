using System.Collections.Concurrent;
using Seismic.Configuration;

namespace Seismic.Beams;

/// <summary>
/// The array's StationXML, read on first use and kept: the configured array.inventory_path, or the file a
/// backfill names for its own segments. A failed read is not kept: once the file is put right, the next
/// segment picks it up without a restart.
/// </summary>
public sealed class ArrayInventorySource
{
    private readonly ArraySettings? _array;
    private readonly Func<string, Metadata.StationXml.Inventory>? _read;
    private readonly ArrayInventory? _loaded;
    private readonly ConcurrentDictionary<string, Lazy<ArrayInventory>> _byLocation = new(StringComparer.Ordinal);

    /// <param name="array">The array's settings.</param>
    /// <param name="read">Reads an inventory location; null: StationXML files only (see <see cref="ArrayInventory.Load"/>).</param>
    public ArrayInventorySource(ArraySettings array, Func<string, Metadata.StationXml.Inventory>? read = null)
    {
        _array = array;
        _read = read;
    }

    /// <summary>One inventory for every segment, whatever it names (tests, one-off tools).</summary>
    public ArrayInventorySource(ArrayInventory loaded) => _loaded = loaded;

    /// <param name="location">The StationXML a segment names; null for array.inventory_path.</param>
    /// <exception cref="SegmentRejectedException">No inventory is configured or it cannot be read.</exception>
    public ArrayInventory Get(string? location = null)
    {
        if (_loaded is not null)
            return _loaded;
        var array = _array! with { InventoryPath = location ?? _array.InventoryPath };
        var key = array.InventoryPath ?? "";
        var inventory = _byLocation.GetOrAdd(key, _ => new Lazy<ArrayInventory>(() => ArrayInventory.Load(array, _read)));
        try
        {
            return inventory.Value;
        }
        catch (SegmentRejectedException)
        {
            _byLocation.TryRemove(key, out _);
            throw;
        }
    }
}
