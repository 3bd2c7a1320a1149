using System.Diagnostics;

namespace Seismic.Hosting;

/// <summary>Seismic's own spans: the one a segment starts in when ingest publishes it, so its trace begins there.</summary>
public static class SegmentTracing
{
    private static readonly ActivitySource Source = new(ServiceDefaults.TelemetryName);

    /// <summary>
    /// Starts the "ingest segment" span (null when nothing listens). MassTransit sends a message published inside it
    /// with its trace context, and every stage's consume span and what that stage publishes carry the same trace id.
    /// The span name stays the same for every segment (backends group by it); the segment is its tag.
    /// </summary>
    public static Activity? StartIngestedSegment(string segmentId)
    {
        var activity = Source.StartActivity("ingest segment", ActivityKind.Producer);
        activity?.SetTag(ConsumeTelemetryObserver.SegmentIdTag, segmentId);
        return activity;
    }
}
