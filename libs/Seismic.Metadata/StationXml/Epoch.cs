namespace Seismic.Metadata.StationXml;

internal static class Epoch
{
    public static bool Contains(DateTime? startUtc, DateTime? endUtc, DateTime timeUtc) =>
        (startUtc is null || timeUtc >= startUtc) && (endUtc is null || timeUtc <= endUtc);
}
