using Seismic.Configuration;

namespace Seismic.Beams;

/// <summary>
/// Reads the array's StationXML on first use and keeps it. A failed read is not cached: once the file is
/// put right, the next segment picks it up without a restart.
/// </summary>
public sealed class ArrayInventorySource
{
    private readonly Lazy<ArrayInventory> inventory;

    public ArrayInventorySource(ArraySettings array) =>
        inventory = new Lazy<ArrayInventory>(() => ArrayInventory.Load(array), LazyThreadSafetyMode.PublicationOnly);

    public ArrayInventorySource(ArrayInventory loaded) =>
        inventory = new Lazy<ArrayInventory>(loaded);

    /// <exception cref="SegmentRejectedException">No inventory is configured or it cannot be read.</exception>
    public ArrayInventory Get() => inventory.Value;
}
