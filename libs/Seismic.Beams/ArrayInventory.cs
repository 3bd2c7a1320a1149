using Seismic.Configuration;
using Seismic.Metadata;
using Seismic.Metadata.Geometry;
using Seismic.Metadata.StationXml;
using Seismic.Signal.Arrays;

namespace Seismic.Beams;

/// <summary>The array's StationXML seen the way the beams need it: site offsets from the array reference and sensor orientations.</summary>
public sealed class ArrayInventory
{
    private readonly Inventory inventory;
    private readonly ArraySettings array;

    /// <param name="inventory">The StationXML content.</param>
    /// <param name="array">The array: its reference point, and (unless <paramref name="sites"/> says otherwise) its network and station pattern.</param>
    /// <param name="sites">Which stations are the array's sites; default: array.network and array.station_pattern.</param>
    public ArrayInventory(Inventory inventory, ArraySettings array, ArraySiteSelection? sites = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(array);
        this.inventory = inventory;
        this.array = array;
        Sites = sites ?? ArraySiteSelection.Of(array);
    }

    /// <summary>Which stations of the inventory are the array's sites.</summary>
    public ArraySiteSelection Sites { get; }

    /// <summary>Reads array.inventory_path; the reason it cannot is a <see cref="SegmentRejectedException"/>, since no segment can be beamed without it.</summary>
    /// <param name="array">The array's settings; <see cref="ArraySettings.InventoryPath"/> names the StationXML.</param>
    /// <param name="read">Reads the inventory at a location (a file, or a station service when the host can reach one); null: a StationXML file.
    /// It reports a location it cannot read as a <see cref="SegmentRejectedException"/>, an IOException or a MetadataFormatException.</param>
    public static ArrayInventory Load(ArraySettings array, Func<string, Inventory>? read = null)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (string.IsNullOrWhiteSpace(array.InventoryPath))
        {
            throw new SegmentRejectedException(
                "array.inventory_path is not set; the beamformer needs the array's StationXML for the site positions and sensor orientations.");
        }

        try
        {
            return new ArrayInventory((read ?? (path => StationXmlReader.ReadFile(path)))(array.InventoryPath), array);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or MetadataFormatException)
        {
            throw new SegmentRejectedException($"The StationXML at array.inventory_path ({array.InventoryPath}) cannot be read: {unreadable.Message}");
        }
    }

    /// <summary>The array's stations (<see cref="Sites"/>) active at the time, as km offsets from the array reference.</summary>
    public IReadOnlyList<ArraySite> SitesAt(DateTime timeUtc) =>
        ArrayGeometry.StationOffsets(inventory, new GeoPoint(array.ReferenceLatitudeDeg, array.ReferenceLongitudeDeg), timeUtc)
            .Where(s => Sites.Matches(s.NetworkCode, s.StationCode))
            .Select(s => new ArraySite(s.StationCode, s.EastKm, s.NorthKm))
            .ToList();

    /// <summary>Azimuth and dip of a channel at a time, or null when the inventory does not give both.</summary>
    public (double AzimuthDeg, double DipDeg)? OrientationOf(ChannelId id, DateTime timeUtc) =>
        inventory.FindChannel(id, timeUtc) is { AzimuthDeg: { } azimuth, DipDeg: { } dip } ? (azimuth, dip) : null;
}
