using Seismic.Waveforms.Encodings;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Time;

namespace Seismic.Waveforms.Traces;

public sealed record TraceAssemblyOptions
{
    /// <summary>How far a record may start from the next expected sample time and still continue a segment; null means half a sample period.</summary>
    public double? TimeToleranceSeconds { get; init; }

    /// <summary>Relative sample-rate difference still treated as the same rate (libmseed's default is 1e-4).</summary>
    public double SampleRateTolerance { get; init; } = 1e-4;

    /// <summary>Throw at the first record that cannot be decoded instead of reporting it.</summary>
    public bool Strict { get; init; }

    public static TraceAssemblyOptions Default { get; } = new();
}

/// <summary>
/// Joins records into continuous segments per source identifier. Records are ordered by start time first, so
/// out-of-order input (as in libmseed's mixed-order test file) still yields one segment. Each segment's samples
/// are decoded straight into one buffer sized from the headers: one copy from payload to trace, none after.
/// </summary>
public static class TraceAssembler
{
    private const int MaxSegmentsToSearch = 16;

    public static TraceAssembly Assemble(IEnumerable<MiniSeedRecord> records, TraceAssemblyOptions? options = null, IEnumerable<ReadProblem>? earlierProblems = null)
    {
        options ??= TraceAssemblyOptions.Default;
        var problems = new List<ReadProblem>(earlierProblems ?? []);
        var segments = new List<TraceSegment>();
        var breaks = new List<TraceDiscontinuity>();
        var channels = records.GroupBy(r => r.SourceId).OrderBy(g => g.Key.Fdsn, StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            var plans = Plan(channel.OrderBy(r => r.StartTime), options, breaks);
            foreach (var plan in plans)
                Decode(plan, options, segments, problems);
        }
        segments.Sort((a, b) => a.SourceId == b.SourceId
            ? a.StartTime.CompareTo(b.StartTime)
            : string.CompareOrdinal(a.SourceId.Fdsn, b.SourceId.Fdsn));
        return new TraceAssembly(segments, breaks, problems);
    }

    private sealed class SegmentPlan(MiniSeedRecord first)
    {
        public List<MiniSeedRecord> Records { get; } = [first];
        public SampleType Type { get; } = first.SampleType;
        public double RateHz { get; } = first.SampleRateHz;
        public NanoTime LastEnd { get; set; } = first.EndTime;
    }

    /// <summary>Phase 1, headers only: decide which records continue which segment, and note gaps and overlaps.</summary>
    private static List<SegmentPlan> Plan(IEnumerable<MiniSeedRecord> sorted, TraceAssemblyOptions options, List<TraceDiscontinuity> breaks)
    {
        var plans = new List<SegmentPlan>();
        foreach (var record in sorted)
        {
            var joined = false;
            SegmentPlan? previous = null;
            if (record.SampleType != SampleType.None && record.SampleRateHz > 0)
            {
                // Input is in time order, so a continuation is almost always one of the latest segments; looking
                // back a bounded distance keeps pathological inputs (thousands of gaps) linear.
                for (var i = plans.Count - 1; i >= Math.Max(0, plans.Count - MaxSegmentsToSearch) && !joined; i--)
                {
                    var plan = plans[i];
                    if (plan.Type != record.SampleType || !RatesMatch(plan.RateHz, record.SampleRateHz, options))
                        continue;
                    previous ??= plan;
                    var expected = plan.LastEnd.AddSeconds(1.0 / plan.RateHz);
                    var toleranceNs = (options.TimeToleranceSeconds ?? 0.5 / plan.RateHz) * NanoTime.NanosecondsPerSecond;
                    if (Math.Abs(record.StartTime - expected) <= toleranceNs)
                    {
                        plan.Records.Add(record);
                        plan.LastEnd = record.EndTime;
                        joined = true;
                    }
                }
            }
            if (joined)
                continue;
            if (previous is not null)
            {
                var kind = record.StartTime > previous.LastEnd ? DiscontinuityKind.Gap : DiscontinuityKind.Overlap;
                breaks.Add(new TraceDiscontinuity(record.SourceId, kind, previous.LastEnd, record.StartTime, previous.RateHz));
            }
            plans.Add(new SegmentPlan(record));
        }
        return plans;
    }

    private static bool RatesMatch(double a, double b, TraceAssemblyOptions options) => Math.Abs(1.0 - a / b) < options.SampleRateTolerance;

    /// <summary>
    /// Phase 2: decode every record of a plan into one buffer. A record that fails to decode is reported and
    /// splits the segment; the pieces keep sharing the buffer.
    /// </summary>
    private static void Decode(SegmentPlan plan, TraceAssemblyOptions options, List<TraceSegment> segments, List<ReadProblem> problems)
    {
        var total = plan.Records.Sum(r => (long)r.SampleCount);
        var buffer = NewBuffer(plan.Type, (int)Math.Min(total, Array.MaxLength));
        var filled = 0;
        var segmentFirst = 0;
        MiniSeedRecord? segmentStart = null;
        MiniSeedRecord? segmentLast = null;

        void Close()
        {
            if (segmentStart is null || segmentLast is null)
                return;
            segments.Add(TraceSegment.Assembled(segmentStart.SourceId, segmentStart.StartTime, segmentLast.EndTime, segmentStart.SampleRateHz,
                plan.Type, buffer, segmentFirst, filled - segmentFirst, segmentStart.PublicationVersion));
            segmentStart = null;
            segmentFirst = filled;
        }

        foreach (var record in plan.Records)
        {
            var status = DecodeInto(record, plan.Type, buffer, filled);
            if (!status.Succeeded)
            {
                var problem = new ReadProblem(record.OffsetBytes, ProblemSeverity.Error, $"record skipped: {status.Message}", record.SourceId);
                if (options.Strict)
                    throw new MiniSeedFormatException(problem);
                problems.Add(problem);
                Close();
                continue;
            }
            if (status.HasWarning)
                problems.Add(new ReadProblem(record.OffsetBytes, ProblemSeverity.Warning, status.Message!, record.SourceId));
            segmentStart ??= record;
            segmentLast = record;
            filled += record.SampleCount;
        }
        Close();
    }

    /// <summary>Uninitialised: every element a segment exposes is written by the decoder first.</summary>
    private static Array NewBuffer(SampleType type, int length) => type switch
    {
        SampleType.Int32 => GC.AllocateUninitializedArray<int>(length),
        SampleType.Float32 => GC.AllocateUninitializedArray<float>(length),
        SampleType.Float64 => GC.AllocateUninitializedArray<double>(length),
        SampleType.Text => GC.AllocateUninitializedArray<byte>(length),
        _ => Array.Empty<int>(),
    };

    private static DecodeStatus DecodeInto(MiniSeedRecord record, SampleType type, Array buffer, int at)
    {
        var payload = record.Payload.Span;
        var n = record.SampleCount;
        return type switch
        {
            SampleType.Int32 => SampleDecoder.DecodeInt32(record.Encoding, payload, record.PayloadIsBigEndian, ((int[])buffer).AsSpan(at, n)),
            SampleType.Float32 => SampleDecoder.DecodeFloat32(record.Encoding, payload, record.PayloadIsBigEndian, ((float[])buffer).AsSpan(at, n)),
            SampleType.Float64 => SampleDecoder.DecodeFloat64(record.Encoding, payload, record.PayloadIsBigEndian, ((double[])buffer).AsSpan(at, n)),
            SampleType.Text => SampleDecoder.DecodeText(payload, ((byte[])buffer).AsSpan(at, n)),
            _ => n == 0 || DataEncodingFacts.SampleTypeOf(record.Encoding) is not null
                ? DecodeStatus.Success
                : DecodeStatus.Fail($"unsupported encoding {(int)record.Encoding}"),
        };
    }
}
