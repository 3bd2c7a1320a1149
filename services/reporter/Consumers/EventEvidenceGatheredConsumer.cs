using ImageMagick;
using MassTransit;
using Microsoft.Extensions.Logging;
using Seismic.Contracts.Beams;
using Seismic.Contracts.Classification;
using Seismic.Contracts.Reports;
using Seismic.Figures.Events;
using Seismic.Reporter.Processing;

namespace Seismic.Reporter.Consumers;

/// <summary>
/// Draws the animated GIF of an event. A picture that cannot be drawn is logged and reported in
/// <see cref="EventPictureWritten.Problem"/>; the event's rows were written by another consumer and stay.
/// </summary>
public sealed partial class EventEvidenceGatheredConsumer(EventPictures pictures, TimeProvider clock, ILogger<EventEvidenceGatheredConsumer> logger)
    : IConsumer<EventEvidenceGathered>
{
    public async Task Consume(ConsumeContext<EventEvidenceGathered> context)
    {
        var evidence = context.Message;
        var label = evidence.Label.ToString().ToLowerInvariant();
        var path = pictures.PathFor(evidence.EventId, evidence.OnsetUtc ?? evidence.BeamsStartUtc, label, evidence.Model.Name, evidence.Model.Version);
        string? problem = null;
        try
        {
            var beams = BeamPayload.Decode(await evidence.Beams.Value, evidence.BeamNames.Count, evidence.SampleCount);
            // A redelivered event draws its picture again over the same file.
            EventAnimation.WriteGif(ToFigure(evidence, beams, label), path);
            LogDrawn(evidence.EventId, evidence.Windows.Count, path);
        }
        catch (Exception failed) when (failed is InvalidDataException or ArgumentException or MagickException or IOException
                                           or UnauthorizedAccessException or MessageDataException)
        {
            problem = failed.Message;
            LogNotDrawn(failed, evidence.EventId, problem);
        }

        await context.Publish(new EventPictureWritten
        {
            EventId = evidence.EventId,
            SegmentId = evidence.SegmentId,
            Path = problem is null ? path : null,
            Problem = problem,
            BackfillId = evidence.BackfillId,
            WrittenAtUtc = clock.GetUtcNow().UtcDateTime,
        });
    }

    private static EventFigure ToFigure(EventEvidenceGathered evidence, float[][] beams, string label) => new()
    {
        EventId = evidence.EventId,
        FinalLabel = label,
        ModelId = $"{evidence.Model.Name} v{evidence.Model.Version}",
        BeamsStartUtc = evidence.BeamsStartUtc,
        SampleRateHz = evidence.SampleRateHz,
        BeamNames = evidence.BeamNames,
        Beams = beams,
        WindowLengthS = evidence.WindowLengthSeconds,
        Windows = [.. evidence.Windows.Select(w => new WindowVerdict(
            w.WindowStartUtc, w.DetectorProbability, w.ClassifierProbability, w.Label.ToString().ToLowerInvariant()))],
        MeanDetectorProbability = evidence.MeanDetectorProbability,
        MeanClassifierProbability = evidence.MeanClassifierProbability,
        DetectorThreshold = evidence.DetectorThreshold,
        OnsetUtc = evidence.OnsetUtc,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId}: {Frames} frames drawn to {Path}")]
    private partial void LogDrawn(string eventId, int frames, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId}: no picture (its rows are written): {Problem}")]
    private partial void LogNotDrawn(Exception failure, string eventId, string problem);
}
