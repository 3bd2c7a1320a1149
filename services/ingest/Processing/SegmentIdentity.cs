using System.Globalization;

namespace Seismic.Ingest.Processing;

/// <summary>
/// Segment ids are a pure function of array, start and end, so a redelivered message or a repeated
/// backfill names the same segment and downstream stages can recognise work already done.
/// </summary>
public static class SegmentIdentity
{
    public static string For(string arrayCode, DateTime startUtc, DateTime endUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{arrayCode}_{startUtc:yyyyMMdd'T'HHmmss.fff'Z'}_{endUtc:yyyyMMdd'T'HHmmss.fff'Z'}");
}
