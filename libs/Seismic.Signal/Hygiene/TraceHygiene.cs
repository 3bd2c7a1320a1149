namespace Seismic.Signal.Hygiene;

public enum DropReason
{
    /// <summary>No samples, or a sample rate that is not positive.</summary>
    Unusable,

    /// <summary>The start time is further than the tolerance from the common start.</summary>
    StartTimeMismatch,

    /// <summary>More than the allowed duration of samples is missing (NaN).</summary>
    TooManyMissingSamples,
}

public sealed record DroppedTrace(string ChannelId, DropReason Reason, string Detail);

/// <summary>What was done to a kept trace.</summary>
/// <param name="ChannelId">The trace's SEED id.</param>
/// <param name="StartShiftSeconds">New start minus old start (the snap to the common start).</param>
/// <param name="FilledSampleCount">Missing samples replaced by 0.</param>
public sealed record TraceAdjustment(string ChannelId, double StartShiftSeconds, int FilledSampleCount);

public sealed record HygieneResult(
    IReadOnlyList<SignalTrace> Kept,
    IReadOnlyList<DroppedTrace> Dropped,
    IReadOnlyList<TraceAdjustment> Adjustments,
    DateTime? CommonStartUtc);

/// <param name="StartToleranceSeconds">Starts within this of the common start are snapped to it (seed: 0.15 s).</param>
/// <param name="MaxMissingSeconds">A trace with more than this duration missing is dropped, otherwise its gaps become 0 (seed: 5 s).</param>
public sealed record HygieneOptions(double StartToleranceSeconds = 0.15, double MaxMissingSeconds = 5.0);

/// <summary>
/// The seed's trace clean-up before beamforming (SPEC sections 7 and 8): start-time correction, then the
/// missing-data rule. Pure: the input traces are not modified.
/// </summary>
public static class TraceHygiene
{
    /// <summary>
    /// 1. Common start: the start time shared (within the tolerance) by the most traces, the earliest
    ///    such group on a tie. The seed takes the earliest start outright, so one trace that starts
    ///    early would make it drop all the others; with agreeing traces both give the same result.
    ///    Traces within the tolerance get that start (their samples are not moved, only relabelled,
    ///    as ObsPy's stats.starttime assignment does); the rest are dropped.
    /// 2. A trace with more than MaxMissingSeconds of NaN samples is dropped; otherwise NaN becomes 0.
    /// </summary>
    public static HygieneResult Apply(IReadOnlyList<SignalTrace> traces, HygieneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(traces);
        options ??= new HygieneOptions();
        var dropped = new List<DroppedTrace>();
        var usable = new List<SignalTrace>();
        foreach (var trace in traces)
        {
            if (trace.Samples.Length == 0 || !(trace.SampleRateHz > 0))
            {
                dropped.Add(new DroppedTrace(trace.ChannelId, DropReason.Unusable, $"{trace.Samples.Length} samples at {trace.SampleRateHz} Hz"));
            }
            else
            {
                usable.Add(trace);
            }
        }

        if (usable.Count == 0)
        {
            return new HygieneResult([], dropped, [], null);
        }

        var tolerance = TimeSpan.FromSeconds(options.StartToleranceSeconds);
        var commonStart = MostSharedStart(usable, tolerance);
        var kept = new List<SignalTrace>();
        var adjustments = new List<TraceAdjustment>();
        foreach (var trace in usable)
        {
            var offset = commonStart - trace.StartUtc;
            if (offset.Duration() > tolerance)
            {
                dropped.Add(new DroppedTrace(
                    trace.ChannelId,
                    DropReason.StartTimeMismatch,
                    $"starts {-offset.TotalSeconds:F3} s from the common start {commonStart:O} (tolerance {options.StartToleranceSeconds} s)"));
                continue;
            }

            var missing = trace.MissingSampleCount;
            var missingSeconds = missing / trace.SampleRateHz;
            if (missingSeconds > options.MaxMissingSeconds)
            {
                dropped.Add(new DroppedTrace(
                    trace.ChannelId,
                    DropReason.TooManyMissingSamples,
                    $"{missing} samples ({missingSeconds:F2} s) missing, more than {options.MaxMissingSeconds} s"));
                continue;
            }

            var samples = (double[])trace.Samples.Clone();
            if (missing > 0)
            {
                for (var i = 0; i < samples.Length; i++)
                {
                    if (double.IsNaN(samples[i]))
                    {
                        samples[i] = 0.0;
                    }
                }
            }

            kept.Add(trace with { StartUtc = commonStart, Samples = samples });
            adjustments.Add(new TraceAdjustment(trace.ChannelId, offset.TotalSeconds, missing));
        }

        return new HygieneResult(kept, dropped, adjustments, commonStart);
    }

    private static DateTime MostSharedStart(List<SignalTrace> traces, TimeSpan tolerance)
    {
        var starts = traces.Select(t => t.StartUtc).Order().ToList();
        var best = starts[0];
        var bestCount = 0;
        foreach (var candidate in starts)
        {
            var count = starts.Count(s => (s - candidate).Duration() <= tolerance);
            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best;
    }
}
