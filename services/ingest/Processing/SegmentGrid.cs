namespace Seismic.Ingest.Processing;

/// <summary>
/// The fixed grid continuous data are cut on, the same for backfill and live monitoring, so a segment's id
/// depends on its time only. Segments are <c>length</c> long and start every <c>stride</c> (length − overlap)
/// from the Unix epoch; each owns the window starts in [start + lookBack, start + lookBack + stride): every
/// window start on the grid is owned by exactly one segment, and a segment sees the look-back windows that
/// tell whether an event starts in its owned span, and what follows it up to its end.
/// </summary>
public sealed class SegmentGrid
{
    private readonly TimeSpan _length;
    private readonly TimeSpan _stride;
    private readonly TimeSpan _lookBack;

    /// <param name="length">source.segment_length_s.</param>
    /// <param name="overlap">source.segment_overlap_s (at least the window plus the look-back, less one step: checked with the settings).</param>
    /// <param name="lookBack">(detection.merge_gap_windows + 1) × window.step_s.</param>
    public SegmentGrid(TimeSpan length, TimeSpan overlap, TimeSpan lookBack)
    {
        if (overlap >= length)
            throw new ArgumentException($"the overlap ({overlap.TotalSeconds} s) must be shorter than the segment ({length.TotalSeconds} s)", nameof(overlap));
        _length = length;
        _stride = length - overlap;
        _lookBack = lookBack;
    }

    /// <summary>
    /// The segments whose owned spans meet [<paramref name="startUtc"/>, <paramref name="endUtc"/>), in time order,
    /// their owned spans clipped to it: a backfill reports the windows it was asked for, and two backfills that
    /// tile a day between them report each window once.
    /// </summary>
    public IReadOnlyList<PlannedSegment> Covering(string arrayCode, DateTime startUtc, DateTime endUtc)
    {
        var segments = new List<PlannedSegment>();
        var strideTicks = _stride.Ticks;
        var first = FloorDiv(startUtc.Ticks - DateTime.UnixEpoch.Ticks - _lookBack.Ticks, strideTicks);
        for (var k = first; ; k++)
        {
            var segmentStart = new DateTime(DateTime.UnixEpoch.Ticks + (k * strideTicks), DateTimeKind.Utc);
            var ownedFrom = segmentStart + _lookBack;
            var ownedUntil = ownedFrom + _stride;
            if (ownedFrom >= endUtc)
                break;
            if (ownedUntil <= startUtc)
                continue;
            var segmentEnd = segmentStart + _length;
            segments.Add(new PlannedSegment(
                SegmentIdentity.For(arrayCode, segmentStart, segmentEnd), segmentStart, segmentEnd,
                ownedFrom > startUtc ? ownedFrom : startUtc, ownedUntil < endUtc ? ownedUntil : endUtc, null));
        }
        return segments;
    }

    /// <summary>The grid segment that starts <paramref name="index"/> strides after the Unix epoch, its owned span whole.</summary>
    public PlannedSegment At(string arrayCode, long index)
    {
        var segmentStart = new DateTime(DateTime.UnixEpoch.Ticks + (index * _stride.Ticks), DateTimeKind.Utc);
        var segmentEnd = segmentStart + _length;
        var ownedFrom = segmentStart + _lookBack;
        return new PlannedSegment(SegmentIdentity.For(arrayCode, segmentStart, segmentEnd), segmentStart, segmentEnd, ownedFrom, ownedFrom + _stride, null);
    }

    /// <summary>The index of the first grid segment that starts at or after <paramref name="timeUtc"/>.</summary>
    public long FirstStartingAtOrAfter(DateTime timeUtc) =>
        -FloorDiv(-(timeUtc.Ticks - DateTime.UnixEpoch.Ticks), _stride.Ticks);

    /// <summary>The index of the first grid segment that ends after <paramref name="timeUtc"/>.</summary>
    public long FirstEndingAfter(DateTime timeUtc) =>
        FloorDiv(timeUtc.Ticks - DateTime.UnixEpoch.Ticks - _length.Ticks, _stride.Ticks) + 1;

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
