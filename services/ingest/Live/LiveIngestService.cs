using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Seismic.Configuration;
using Seismic.Hosting;
using Seismic.Ingest.Processing;
using Seismic.Ingest.Processing.Live;
using Seismic.Ingest.Publishing;
using Seismic.Metadata.StationXml;
using Seismic.SeedLink.Client;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Selection;

namespace Seismic.Ingest.Live;

/// <summary>
/// Live monitoring: records from the SeedLink server in source.uri go into a buffer and leave as segments on
/// the backfill grid, complete or on their deadline, read by the same <see cref="SegmentReader"/> and published
/// as the same <see cref="Contracts.Ingest.WaveformSegmentIngested"/>, so everything downstream is the backfill
/// path. The SeedLink state file advances only past records whose segments have all left, so a restart asks
/// the server again for what was buffered but not yet sent, and the segments already sent are not sent again.
/// </summary>
public sealed partial class LiveIngestService(
    SeismicSettings settings, SegmentGrid grid, BackfillInputs inputs, SegmentReader reader, IBus bus, IMessageDataRepository repository,
    LiveStatus status, LiveMetrics metrics, PipelineMetrics pipelineMetrics, TimeProvider clock, ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The longest the loop sleeps without looking at deadlines.</summary>
    private static readonly TimeSpan LongestNap = TimeSpan.FromMilliseconds(250);

    private readonly ILogger<LiveIngestService> _logger = loggers.CreateLogger<LiveIngestService>();
    private readonly Dictionary<string, long> _lateByChannel = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved with the service so that its gauges exist from the start; the meter outlives this method.
        _ = metrics;
        var now = clock.GetUtcNow().UtcDateTime;
        status.Server = settings.Source.Uri;
        status.ConnectionChangedUtc = now;
        Inventory inventory;
        SeedLinkClient client;
        EmittedSegmentsFile emitted = new(settings.LiveStatePath + ".segments");
        LiveSegmenter segmenter;
        try
        {
            inventory = inputs.Inventory(settings.Array.InventoryPath, reader.ArrayChannels)
                ?? throw new BackfillInputException("no inventory: the beams need the array's StationXML; set array.inventory_path");
            var stations = Stations(inventory, now);
            if (stations.Count == 0)
                throw new BackfillInputException($"the inventory {settings.Array.InventoryPath} has no station of {settings.Array.Network}.{settings.Array.StationPattern} active now");
            segmenter = new LiveSegmenter(
                grid, settings.Array.Code, TimeSpan.FromSeconds(settings.Source.LiveDeadlineS), TimeSpan.FromSeconds(settings.Window.EdgeS),
                timeUtc => Expected(inventory, timeUtc), emitted.Read());
            client = new SeedLinkClient(new SeedLinkClientOptions
            {
                Address = settings.Source.Uri,
                Stations = stations,
                StateFilePath = settings.LiveStatePath,
                CommitOnDelivery = false,
                KeepaliveInterval = TimeSpan.FromSeconds(settings.Source.LiveKeepaliveS),
                IdleTimeout = TimeSpan.FromSeconds(settings.Source.LiveIdleTimeoutS),
            }, loggers.CreateLogger<SeedLinkClient>());
        }
        catch (Exception unusable) when (unusable is BackfillInputException or FormatException or InvalidDataException or ArgumentException)
        {
            status.Failure = unusable.Message;
            LogCannotStart(settings.Source.Uri, unusable.Message);
            return;
        }

        client.StateChanged += (state, description) =>
        {
            status.Connection = $"{state.ToString().ToLowerInvariant()}: {description}";
            status.IsStreaming = state == SeedLinkConnectionState.Streaming;
            status.ConnectionChangedUtc = clock.GetUtcNow().UtcDateTime;
        };
        LogStarting(settings.Source.Uri, segmenter.NextSegment?.SegmentId ?? "the first complete segment", settings.LiveStatePath);

        var buffer = new LiveBuffer($"live buffer of {settings.Source.Uri}");
        var records = System.Threading.Channels.Channel.CreateBounded<SeedLinkRecord>(new BoundedChannelOptions(4096) { SingleReader = true, SingleWriter = true });
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var receiving = ReceiveAsync(client, records.Writer, stopping.Token);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                while (records.Reader.TryRead(out var record))
                    Take(record, segmenter, buffer);
                await PublishDueAsync(segmenter, buffer, inventory, emitted, client, stoppingToken);

                var nap = segmenter.NextDeadlineUtc is { } deadline ? deadline - clock.GetUtcNow().UtcDateTime : LongestNap;
                using var napping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                napping.CancelAfter(nap < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : nap > LongestNap ? LongestNap : nap);
                try
                {
                    if (!await records.Reader.WaitToReadAsync(napping.Token))
                        break;
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await stopping.CancelAsync();
            await receiving;
            await client.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(SeedLinkClient client, ChannelWriter<SeedLinkRecord> output, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var record in client.ReadAsync(cancellationToken))
                await output.WriteAsync(record, cancellationToken);
            output.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.TryComplete();
        }
        catch (SeedLinkException refused)
        {
            status.Failure = refused.Message;
            LogCannotStart(settings.Source.Uri, refused.Message);
            output.TryComplete();
        }
    }

    /// <summary>Notes one record and keeps it if a pending segment needs it.</summary>
    private void Take(SeedLinkRecord received, LiveSegmenter segmenter, LiveBuffer buffer)
    {
        var record = MiniSeedReader.Read(received.MiniSeed).Records.FirstOrDefault();
        if (record is null || record.SampleCount == 0 || record.SampleRateHz <= 0)
            return;
        var endUtc = record.EndTime.AddSeconds(record.SamplePeriodSeconds).ToDateTime();
        status.RecordReceived(received.StationId, endUtc, received.ReceivedUtc);
        switch (segmenter.Observe(record.SourceId.SeedCode, record.StartTime.ToDateTime(), endUtc, received.ReceivedUtc))
        {
            case RecordFate.Needed:
                buffer.Add(record, received.StationId, received.Sequence);
                break;
            case RecordFate.LateKept:
                NoteLate(record, "kept for the next segment");
                buffer.Add(record, received.StationId, received.Sequence);
                break;
            case RecordFate.LateDropped:
                NoteLate(record, "dropped: every segment holding it has left");
                break;
            case RecordFate.BeforeFirstSegment:
                break;
        }
    }

    /// <summary>Counts a late record; logs a channel's first and every hundredth, so a station back from an outage does not flood the log.</summary>
    private void NoteLate(MiniSeedRecord record, string fate)
    {
        status.RecordLate();
        var channel = record.SourceId.SeedCode;
        var count = _lateByChannel[channel] = _lateByChannel.GetValueOrDefault(channel) + 1;
        if (count == 1 || count % 100 == 0)
            LogLate(channel, record.StartTime.ToDateTime(), fate, count);
    }

    private async Task PublishDueAsync(
        LiveSegmenter segmenter, LiveBuffer buffer, Inventory inventory, EmittedSegmentsFile emitted, SeedLinkClient client, CancellationToken cancellationToken)
    {
        var due = segmenter.TakeDue(clock.GetUtcNow().UtcDateTime);
        foreach (var segment in due)
        {
            var planned = segment.Segment;
            var data = await reader.Read(buffer, planned.StartUtc, planned.EndUtc, inventory, cancellationToken);
            var leftOnDeadline = segment.Departure == SegmentDeparture.Deadline;
            status.SegmentLeft(complete: !leftOnDeadline);
            if (data.IsEmpty)
            {
                LogSegmentEmpty(planned.SegmentId);
            }
            else
            {
                using (SegmentTracing.StartIngestedSegment(planned.SegmentId))
                {
                    var message = await IngestedSegments.Message(planned, data, settings.Array.Code, settings.Array.InventoryPath, null, null, repository, cancellationToken);
                    await bus.Publish(message with { DataCompleteUtc = segment.DataCompleteUtc, LeftOnDeadline = leftOnDeadline }, cancellationToken);
                }
                pipelineMetrics.SegmentIngested();
                if (leftOnDeadline)
                    LogSegmentOnDeadline(planned.SegmentId, data.MissingChannels.Count, string.Join(", ", data.MissingChannels.Take(6)));
                else
                    LogSegmentComplete(planned.SegmentId, data.Channels.Count);
            }
            emitted.Write(planned.EndUtc);
        }
        if (due.Count == 0 || segmenter.RetainFromUtc is not { } retainFrom)
            return;
        buffer.Prune(retainFrom);
        foreach (var (station, sequence) in buffer.DoneThrough())
            client.Commit(station, sequence);
    }

    /// <summary>One SeedLink request per station of the array active now, for the channels of the present era.</summary>
    private List<StationRequest> Stations(Inventory inventory, DateTime nowUtc)
    {
        var channelPattern = settings.Array.ChannelPatternAt(nowUtc);
        return inventory.ChannelsActiveAt(nowUtc)
            .Where(c => reader.ArrayChannels.MatchesNetwork(c.Id.Network) && reader.ArrayChannels.MatchesStation(c.Id.Station))
            .Select(c => $"{c.Id.Network}_{c.Id.Station}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(station => new StationRequest(station, channelPattern.Length == 3 ? [channelPattern] : []))
            .ToList();
    }

    private List<string> Expected(Inventory inventory, DateTime timeUtc)
    {
        var selection = new ChannelSelection(settings.Array.Network, settings.Array.StationPattern, "*", settings.Array.ChannelPatternAt(timeUtc));
        return inventory.ChannelsActiveAt(timeUtc)
            .Where(c => selection.MatchesNetwork(c.Id.Network) && selection.MatchesStation(c.Id.Station) && selection.MatchesChannel(c.Id.Channel))
            .Select(c => c.Id.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live ingest from {Source}: first segment {FirstSegment}; SeedLink state in {StateFile}")]
    private partial void LogStarting(string source, string firstSegment, string stateFile);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Live ingest from {Source} cannot run: {Reason}")]
    private partial void LogCannotStart(string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Segment {SegmentId} left complete ({Channels} channels)")]
    private partial void LogSegmentComplete(string segmentId, int channels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {SegmentId} left on its deadline with {Missing} channels missing: {Channels}")]
    private partial void LogSegmentOnDeadline(string segmentId, int missing, string channels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Segment {SegmentId} had no data at its deadline; nothing published")]
    private partial void LogSegmentEmpty(string segmentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Late record {Channel} at {StartUtc:O}, after its segment left: {Fate} ({Count} late from this channel so far)")]
    private partial void LogLate(string channel, DateTime startUtc, string fate, long count);
}
