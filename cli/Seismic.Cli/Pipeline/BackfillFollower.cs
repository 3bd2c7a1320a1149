using System.Collections.Concurrent;
using MassTransit;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Ingest;
using Seismic.Contracts.Operations;
using Seismic.Contracts.Reports;

namespace Seismic.Cli.Pipeline;

/// <summary>Where a followed backfill stands.</summary>
/// <param name="SegmentsTotal">Segments in the plan; null until the ingest worker accepted the request.</param>
/// <param name="SegmentsRead">Segments the ingest worker has read (published or without data).</param>
/// <param name="SegmentsReported">Published segments whose windows and events are all on disk, or that failed downstream.</param>
/// <param name="SegmentsPublished">Segments handed to the beamformer; known once the ingest worker is done.</param>
public sealed record BackfillStatus(int? SegmentsTotal, int SegmentsRead, int SegmentsReported, int? SegmentsPublished);

/// <summary>
/// Follows one backfill through the whole pipeline from the messages every stage publishes, on whichever bus:
/// the ingest worker's progress, then, per segment, its windows and events written by the reporter (or the
/// stage that gave up on it). The backfill is done when the ingest worker has read every segment and each
/// segment it published has been reported or has failed, so a summary read afterwards sees every row.
/// </summary>
public sealed class BackfillFollower
{
    private readonly Guid _backfillId;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, int> _expectedEvents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Segment, string Event), bool> _writtenEvents = new();
    private readonly ConcurrentDictionary<string, bool> _windowsWritten = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _failedSegments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string EventId, string Model, int Version), EventClassified> _events = new();
    private readonly ConcurrentDictionary<string, EventPictureWritten> _pictures = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int? _total;
    private int _read;

    public BackfillFollower(Guid backfillId) => _backfillId = backfillId;

    /// <summary>Why the ingest worker refused the backfill; null while it has not.</summary>
    public string? Refusal { get; private set; }

    public BackfillCompleted? Completed { get; private set; }

    /// <summary>Folder the reporter wrote to, as it says.</summary>
    public string? ReportsDirectory { get; private set; }

    /// <summary>Segments a stage gave up on, with the reason.</summary>
    public IReadOnlyDictionary<string, string> FailedSegments => _failedSegments;

    /// <summary>Every event decision of the backfill, once each (a redelivered decision is the same event).</summary>
    public IReadOnlyCollection<EventClassified> Events => _events.Values.OrderBy(e => e.OnsetUtc ?? e.StartUtc).ToList();

    /// <summary>The pictures the reporter drew (or could not draw), by event id.</summary>
    public IReadOnlyDictionary<string, EventPictureWritten> Pictures => _pictures;

    /// <summary>Time from this follower's creation to the backfill's last row on disk; null until then.</summary>
    public TimeSpan? ReportedAfter { get; private set; }

    /// <summary>Completes when the backfill has been refused or fully reported.</summary>
    public Task Done => _done.Task;

    public event Action<BackfillStatus>? Changed;

    /// <summary>Connects the handlers to a receive endpoint of the follower's own.</summary>
    public void Listen(IReceiveEndpointConfigurator endpoint)
    {
        endpoint.Handler<BackfillProgressed>(context => Mine(context.Message.BackfillId, () =>
        {
            _total = context.Message.SegmentsTotal;
            _read = Math.Max(_read, context.Message.SegmentsCompleted + context.Message.SegmentsFailed);
        }));
        endpoint.Handler<BackfillCompleted>(context => Mine(context.Message.BackfillId, () =>
        {
            Completed = context.Message;
            _total = context.Message.SegmentsTotal;
            _read = context.Message.SegmentsTotal;
        }));
        endpoint.Handler<StageFailed>(context => Mine(context.Message.BackfillId, () =>
        {
            if (context.Message.Stage == PipelineStage.Ingest && context.Message.SubjectId == _backfillId.ToString())
                Refusal = context.Message.Reason;
            else if (context.Message.Stage != PipelineStage.Ingest)
                _failedSegments[context.Message.SubjectId] = $"{context.Message.Stage}: {context.Message.Reason}";
        }));
        // A message no retry could handle went to its stage's _error queue: its segment will not be reported, and
        // waiting for it would never end. The message itself stays there for `seismic errors replay`.
        endpoint.Handler<Fault<WaveformSegmentIngested>>(context => Mine(context.Message.Message.BackfillId, () =>
            GaveUp(PipelineStage.Beamformer, context.Message.Message.SegmentId, context.Message)));
        endpoint.Handler<Fault<BeamsFormed>>(context => Mine(context.Message.Message.BackfillId, () =>
            GaveUp(PipelineStage.Classifier, context.Message.Message.SegmentId, context.Message)));
        endpoint.Handler<Fault<WindowsClassified>>(context => Mine(context.Message.Message.BackfillId, () =>
            GaveUp(PipelineStage.Reporter, context.Message.Message.SegmentId, context.Message)));
        endpoint.Handler<Fault<EventClassified>>(context => Mine(context.Message.Message.BackfillId, () =>
            GaveUp(PipelineStage.Reporter, context.Message.Message.SegmentId, context.Message)));
        endpoint.Handler<EventClassified>(context => Mine(context.Message.BackfillId, () => _events[(context.Message.EventId, context.Message.Model.Name, context.Message.Model.Version)] = context.Message));
        endpoint.Handler<WindowsClassified>(context => Mine(context.Message.BackfillId, () => _expectedEvents[context.Message.SegmentId] = context.Message.EventCount));
        endpoint.Handler<EventPictureWritten>(context => Mine(context.Message.BackfillId, () => _pictures[context.Message.EventId] = context.Message));
        endpoint.Handler<ReportRowsWritten>(context => Mine(context.Message.BackfillId, () =>
        {
            ReportsDirectory = context.Message.ReportsDirectory;
            if (context.Message.EventId is null)
                _windowsWritten[context.Message.SegmentId] = true;
            else
                _writtenEvents[(context.Message.SegmentId, context.Message.EventId)] = true;
        }));
    }

    /// <summary>
    /// Waits until every event of the backfill has its picture, or no picture has arrived for
    /// <paramref name="stall"/> (a reporter that does not draw them, or one that stopped): pictures are drawn off
    /// the classification path, so they may still be on their way when the rows are all written.
    /// </summary>
    public async Task WaitForPictures(TimeSpan stall, CancellationToken cancellation)
    {
        var seen = -1;
        var lastProgress = DateTime.UtcNow;
        while (true)
        {
            var expected = _events.Keys.Select(key => key.EventId).Distinct(StringComparer.Ordinal).Count();
            if (_pictures.Count >= expected)
                return;
            if (_pictures.Count != seen)
            {
                seen = _pictures.Count;
                lastProgress = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - lastProgress > stall)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
    }

    private void GaveUp(PipelineStage stage, string segmentId, Fault fault) =>
        _failedSegments.TryAdd(segmentId, $"{stage}: {fault.Exceptions.FirstOrDefault()?.Message ?? "failed"} (the message is in the stage's _error queue)");

    private Task Mine(Guid? backfillId, Action update)
    {
        if (backfillId != _backfillId)
            return Task.CompletedTask;
        BackfillStatus status;
        lock (_gate)
        {
            update();
            status = Status();
            if ((Refusal is not null || (Completed is not null && status.SegmentsReported >= Completed.SegmentsSucceeded)) && _done.TrySetResult())
                ReportedAfter = _clock.Elapsed;
        }
        Changed?.Invoke(status);
        return Task.CompletedTask;
    }

    private BackfillStatus Status()
    {
        var written = _writtenEvents.Keys.GroupBy(k => k.Segment).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var reported = _windowsWritten.Keys.Count(segment =>
            _expectedEvents.TryGetValue(segment, out var expected) && written.GetValueOrDefault(segment) >= expected);
        return new BackfillStatus(_total, _read, reported + _failedSegments.Keys.Count(s => !_windowsWritten.ContainsKey(s)), Completed?.SegmentsSucceeded);
    }
}
