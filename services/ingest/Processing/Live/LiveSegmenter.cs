namespace Seismic.Ingest.Processing.Live;

/// <summary>Why a live segment left.</summary>
public enum SegmentDeparture
{
    /// <summary>Every expected channel had delivered data past the segment's end.</summary>
    Complete,

    /// <summary>Its deadline passed with channels still short; they are listed as missing.</summary>
    Deadline,
}

/// <summary>A segment live ingest should publish now.</summary>
/// <param name="Segment">The grid segment, the same as a backfill of its time would cut.</param>
/// <param name="Departure">Complete or on its deadline.</param>
/// <param name="DataCompleteUtc">
/// Wall time its data were complete: when the last record it needed arrived, or, on a deadline, when the
/// deadline passed. Latency is measured from here.
/// </param>
public sealed record DueSegment(PlannedSegment Segment, SegmentDeparture Departure, DateTime DataCompleteUtc);

/// <summary>What became of a received record.</summary>
public enum RecordFate
{
    /// <summary>A pending segment needs it.</summary>
    Needed,

    /// <summary>It arrived after a segment holding some of its samples had left (counted), but a pending one still needs it.</summary>
    LateKept,

    /// <summary>Every segment holding its samples has left: counted and dropped, never re-emitted.</summary>
    LateDropped,

    /// <summary>Before the first segment live ingest will publish (the stream's start, or segments sent before a restart).</summary>
    BeforeFirstSegment,
}

/// <summary>
/// Decides when each segment of the fixed grid leaves live ingest: as soon as every expected channel has
/// delivered data past its end (plus the window edge the filters consume), or when its deadline passes,
/// whatever has arrived by then. A late or dead station therefore never holds the others back.
///
/// Deadlines run on the stream's own clock: the newest sample any station has delivered, advanced by wall
/// time while nothing newer arrives. In real time that is the present less the freshest station's latency;
/// in a replay at 60 times real time it runs 60 times faster, so a replayed day behaves as a live one.
/// All times are parameters: the caller owns the clock.
/// </summary>
public sealed class LiveSegmenter
{
    private readonly SegmentGrid _grid;
    private readonly string _arrayCode;
    private readonly TimeSpan _deadline;
    private readonly TimeSpan _edge;
    private readonly Func<DateTime, IReadOnlyCollection<string>> _expectedChannels;
    private readonly DateTime? _resumeAfterUtc;
    private readonly Dictionary<string, ChannelProgress> _channels = new(StringComparer.Ordinal);

    private long? _next;
    private DateTime? _lastLeftEndUtc;
    private DateTime _streamTimeUtc = DateTime.MinValue;
    private DateTime _streamTimeSetAtUtc = DateTime.MinValue;

    /// <param name="grid">The grid backfill cuts on.</param>
    /// <param name="arrayCode">For segment ids.</param>
    /// <param name="deadline">source.live_deadline_s: how long after its data span ends a segment waits for late channels.</param>
    /// <param name="edge">window.edge_s: segments carry this much data beyond both ends, which the filters consume.</param>
    /// <param name="expectedChannels">
    /// The SEED codes (NET.STA.LOC.CHA) the inventory expects at a time. When it gives none, the channels heard
    /// from within the last two segment lengths are expected.
    /// </param>
    /// <param name="resumeAfterUtc">The end of the last segment published before a restart: none up to it is published again.</param>
    public LiveSegmenter(SegmentGrid grid, string arrayCode, TimeSpan deadline, TimeSpan edge, Func<DateTime, IReadOnlyCollection<string>> expectedChannels, DateTime? resumeAfterUtc = null)
    {
        _grid = grid ?? throw new ArgumentNullException(nameof(grid));
        _arrayCode = arrayCode;
        _deadline = deadline;
        _edge = edge;
        _expectedChannels = expectedChannels ?? throw new ArgumentNullException(nameof(expectedChannels));
        _resumeAfterUtc = resumeAfterUtc;
        if (resumeAfterUtc is { } resume)
            _next = grid.FirstEndingAfter(resume);
    }

    /// <summary>The segment that leaves next, once the stream has begun.</summary>
    public PlannedSegment? NextSegment => _next is { } next ? _grid.At(_arrayCode, next) : null;

    /// <summary>The earliest time a pending segment still needs (its data span's start): older records can be let go.</summary>
    public DateTime? RetainFromUtc => NextSegment is { } next ? next.StartUtc - _edge : null;

    /// <summary>The stream's clock (see the class): what deadlines are measured against.</summary>
    public DateTime StreamTimeUtc(DateTime wallNowUtc) =>
        _streamTimeUtc == DateTime.MinValue ? DateTime.MinValue : _streamTimeUtc + (wallNowUtc - _streamTimeSetAtUtc);

    /// <summary>Wall time at which the next segment's deadline passes if nothing arrives; null before the stream begins.</summary>
    public DateTime? NextDeadlineUtc =>
        NextSegment is { } next ? _streamTimeSetAtUtc + (next.EndUtc + _edge + _deadline - _streamTimeUtc) : null;

    /// <summary>Per channel (SEED code): end of its newest data and when that arrived.</summary>
    public IReadOnlyDictionary<string, ChannelProgress> Channels => _channels;

    /// <summary>Notes a received record of a channel and says whether it is still needed.</summary>
    /// <param name="seedCode">NET.STA.LOC.CHA.</param>
    /// <param name="startUtc">Its first sample.</param>
    /// <param name="endUtc">Its last sample plus one period (where the next record should begin).</param>
    /// <param name="receivedUtc">Wall time it arrived.</param>
    public RecordFate Observe(string seedCode, DateTime startUtc, DateTime endUtc, DateTime receivedUtc)
    {
        if (!_channels.TryGetValue(seedCode, out var progress) || endUtc > progress.DataUntilUtc)
            _channels[seedCode] = new ChannelProgress(endUtc, receivedUtc);
        if (endUtc > _streamTimeUtc)
        {
            // The stream clock never runs backwards: a record that only catches up with it does not reset it.
            _streamTimeUtc = endUtc > StreamTimeUtc(receivedUtc) ? endUtc : StreamTimeUtc(receivedUtc);
            _streamTimeSetAtUtc = receivedUtc;
        }

        // The first segment is the first whose whole data span is ahead of the first record heard: one that
        // began before the stream did would leave with a hole at its start.
        _next ??= _grid.FirstStartingAtOrAfter(startUtc + _edge);

        var needFrom = RetainFromUtc!.Value;
        if (_lastLeftEndUtc is { } leftEnd && startUtc < leftEnd + _edge)
            return endUtc > needFrom ? RecordFate.LateKept : RecordFate.LateDropped;
        return endUtc > needFrom ? RecordFate.Needed : RecordFate.BeforeFirstSegment;
    }

    /// <summary>The segments due at <paramref name="wallNowUtc"/>, in time order; each is given once.</summary>
    public IReadOnlyList<DueSegment> TakeDue(DateTime wallNowUtc)
    {
        var due = new List<DueSegment>();
        if (_next is null)
            return due;
        var streamNow = StreamTimeUtc(wallNowUtc);
        while (true)
        {
            var segment = _grid.At(_arrayCode, _next.Value);
            var needUntil = segment.EndUtc + _edge;
            var expected = Expected(segment, streamNow);
            var arrivals = expected.Select(code => _channels.TryGetValue(code, out var p) ? p : null).ToList();
            if (expected.Count > 0 && arrivals.All(p => p is not null && p.DataUntilUtc >= needUntil))
            {
                due.Add(new DueSegment(segment, SegmentDeparture.Complete, arrivals.Max(p => p!.LastReceivedUtc)));
            }
            else if (streamNow >= needUntil + _deadline)
            {
                var deadlineWallUtc = _streamTimeSetAtUtc + (needUntil + _deadline - _streamTimeUtc);
                due.Add(new DueSegment(segment, SegmentDeparture.Deadline, deadlineWallUtc > wallNowUtc ? wallNowUtc : deadlineWallUtc));
            }
            else
            {
                break;
            }
            _lastLeftEndUtc = segment.EndUtc;
            _next++;
        }
        return due;
    }

    private List<string> Expected(PlannedSegment segment, DateTime streamNow)
    {
        var expected = _expectedChannels(segment.StartUtc);
        if (expected.Count > 0)
            return expected.ToList();
        var recent = streamNow - (2 * (segment.EndUtc - segment.StartUtc));
        return _channels.Where(c => c.Value.DataUntilUtc >= recent).Select(c => c.Key).ToList();
    }
}

/// <summary>How far one channel has delivered.</summary>
/// <param name="DataUntilUtc">End of its newest record (last sample plus one period).</param>
/// <param name="LastReceivedUtc">Wall time that record arrived.</param>
public sealed record ChannelProgress(DateTime DataUntilUtc, DateTime LastReceivedUtc);
