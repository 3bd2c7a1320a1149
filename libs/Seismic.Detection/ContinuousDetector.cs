using Seismic.Beams;
using Seismic.Configuration;
using Seismic.Inference.Voting;

namespace Seismic.Detection;

/// <summary>One event found in a segment's windows, with its vote.</summary>
/// <param name="Run">The windows that make the event, by index into the segment's windows.</param>
/// <param name="Onset">P onset and back-azimuth.</param>
/// <param name="Decision">Majority vote of the run's event windows, mean probabilities, votes.</param>
/// <param name="VoterCount">Windows that voted: those of the run the detector calls events.</param>
public sealed record DetectedEvent(TriggeredRun Run, Onset Onset, EventDecision Decision, int VoterCount);

/// <summary>
/// Continuous detection for one segment: the detector probabilities of its sliding windows become runs
/// (<see cref="EventTrigger"/>), the segment keeps the runs whose first window it owns (<see cref="OwnedSpan"/>),
/// each run becomes one event per P onset in it (<see cref="OnsetPicker"/>: several when events follow each
/// other closely), and each event is classified as the original voted (majority, ties broken by the mean
/// probabilities) by its windows that the detector calls events and that see its P where the model learned to
/// classify, within detection.vote_p_tolerance_s of window.p_position_s (all its event windows if none does). Pure: the same windows give the same events, whichever process runs it and how often.
/// </summary>
public sealed class ContinuousDetector
{
    private readonly EventTrigger _trigger;
    private readonly OnsetPicker _onsets;
    private readonly TimeSpan _pPosition;
    private readonly TimeSpan _voteTolerance;

    /// <summary>Index of the run's first window that ends after <paramref name="timeUtc"/> (so holds it), or the run's last.</summary>
    private static int FirstWindowEndingAfter(IReadOnlyList<DateTime> windowStartsUtc, TimeSpan windowLength, DateTime timeUtc, TriggeredRun run)
    {
        for (var i = run.First; i <= run.Last; i++)
        {
            if (windowStartsUtc[i] + windowLength > timeUtc)
            {
                return i;
            }
        }

        return run.Last;
    }

    /// <param name="detection">Thresholds, look-back, onset search and vote tolerance.</param>
    /// <param name="pPositionS">window.p_position_s: where the model learned to see P in a window.</param>
    public ContinuousDetector(DetectionSettings detection, double pPositionS)
    {
        ArgumentNullException.ThrowIfNull(detection);
        _trigger = new EventTrigger(detection);
        _onsets = new OnsetPicker(detection.OnsetSearchS);
        _pPosition = TimeSpan.FromSeconds(pPositionS);
        _voteTolerance = TimeSpan.FromSeconds(detection.VotePToleranceS);
    }

    /// <param name="windowStartsUtc">Start of each window, in time order.</param>
    /// <param name="windowLength">The model's window length.</param>
    /// <param name="probabilities">The model's output for each window.</param>
    /// <param name="thresholds">The model's decision thresholds (a window is an event above the detector's).</param>
    /// <param name="owned">Window starts this segment reports; null: all (a segment cut around a known event).</param>
    /// <param name="arrivals">Arrivals the beamformer found in the segment, with their f-k directions.</param>
    /// <param name="steeringBackAzimuthDeg">Where the beams point, for an event without an arrival of its own.</param>
    public IReadOnlyList<DetectedEvent> Detect(
        IReadOnlyList<DateTime> windowStartsUtc, TimeSpan windowLength, IReadOnlyList<WindowProbabilities> probabilities, DecisionThresholds thresholds,
        OwnedSpan? owned, IReadOnlyList<Arrival> arrivals, double steeringBackAzimuthDeg)
    {
        ArgumentNullException.ThrowIfNull(windowStartsUtc);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (windowStartsUtc.Count != probabilities.Count)
        {
            throw new ArgumentException($"{windowStartsUtc.Count} window starts for {probabilities.Count} windows", nameof(probabilities));
        }

        // An event's windows, by its onset to the second (the event id's precision). A run broken by a short dip in
        // the detector's probability is two runs, and both pick the same arrival: the same event, which must be
        // reported once (its id is made from the onset), so the second run's windows join the first's.
        var parts = new List<(DateTime Key, Onset Onset, int First, int Last, bool ReachesSegmentEnd)>();
        foreach (var run in _trigger.Runs(probabilities.Select(p => p.Detector).ToList()))
        {
            // A run this segment cannot confirm the start of lies before its owned span by construction.
            if (owned is not null && (!owned.Contains(windowStartsUtc[run.First]) || run.First < _trigger.LookBackWindows))
            {
                continue;
            }

            var onsets = _onsets.Pick(windowStartsUtc[run.First], windowStartsUtc[run.First] + windowLength, windowStartsUtc[run.Last] + windowLength, arrivals, steeringBackAzimuthDeg);
            for (var k = 0; k < onsets.Count; k++)
            {
                // An event's windows: from the first that holds its P to the last before the next event's P enters.
                var first = k == 0 ? run.First : FirstWindowEndingAfter(windowStartsUtc, windowLength, onsets[k].OnsetUtc, run);
                var last = k == onsets.Count - 1 ? run.Last : FirstWindowEndingAfter(windowStartsUtc, windowLength, onsets[k + 1].OnsetUtc, run) - 1;
                if (last < first)
                {
                    continue;
                }

                var reachesEnd = run.ReachesSegmentEnd && k == onsets.Count - 1;
                var key = onsets[k].OnsetUtc.AddTicks(-(onsets[k].OnsetUtc.Ticks % TimeSpan.TicksPerSecond));
                var same = parts.FindIndex(part => part.Key == key);
                if (same < 0)
                {
                    parts.Add((key, onsets[k], first, last, reachesEnd));
                }
                else
                {
                    var earlier = parts[same];
                    parts[same] = earlier with { First = Math.Min(earlier.First, first), Last = Math.Max(earlier.Last, last), ReachesSegmentEnd = earlier.ReachesSegmentEnd || reachesEnd };
                }
            }
        }

        var events = new List<DetectedEvent>();
        foreach (var (_, onset, first, last, reachesEnd) in parts)
        {
            var eventWindows = Enumerable.Range(first, last - first + 1).Where(i => thresholds.Label(probabilities[i]) != EventLabel.Noise).ToList();
            var trained = eventWindows.Where(i => (onset.OnsetUtc - windowStartsUtc[i] - _pPosition).Duration() <= _voteTolerance).ToList();
            var voters = (trained.Count > 0 ? trained : eventWindows).Select(i => probabilities[i]).ToList();
            if (voters.Count == 0)
            {
                // Only when off_threshold sits below the model's detector threshold and no window crossed the latter.
                continue;
            }

            var part = new TriggeredRun(first, last, Enumerable.Range(first, last - first + 1).MaxBy(i => probabilities[i].Detector), reachesEnd);
            events.Add(new DetectedEvent(part, onset, EventVote.Decide(voters, thresholds), voters.Count));
        }

        return events;
    }
}
