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
/// Continuous detection for one segment: the detector probabilities of its sliding windows become events
/// (<see cref="EventTrigger"/>), the segment keeps the events whose first window it owns
/// (<see cref="OwnedSpan"/>), each gets an onset and a direction (<see cref="OnsetPicker"/>) and is classified
/// by the windows the detector calls events, as the original voted (majority, ties broken by the mean
/// probabilities). Pure: the same windows give the same events, whichever process runs it and how often.
/// </summary>
public sealed class ContinuousDetector
{
    private readonly EventTrigger _trigger;
    private readonly OnsetPicker _onsets;

    public ContinuousDetector(DetectionSettings detection, WindowSettings window)
    {
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(window);
        _trigger = new EventTrigger(detection);
        _onsets = new OnsetPicker(window.PPositionS, detection.OnsetSearchS);
    }

    /// <param name="windowStartsUtc">Start of each window, in time order.</param>
    /// <param name="probabilities">The model's output for each window.</param>
    /// <param name="thresholds">The model's decision thresholds (a window is an event above the detector's).</param>
    /// <param name="owned">Window starts this segment reports; null: all (a segment cut around a known event).</param>
    /// <param name="arrivals">Arrivals the beamformer found in the segment, with their f-k directions.</param>
    /// <param name="steeringBackAzimuthDeg">Where the beams point, for an event without an arrival of its own.</param>
    public IReadOnlyList<DetectedEvent> Detect(
        IReadOnlyList<DateTime> windowStartsUtc, IReadOnlyList<WindowProbabilities> probabilities, DecisionThresholds thresholds,
        OwnedSpan? owned, IReadOnlyList<Arrival> arrivals, double steeringBackAzimuthDeg)
    {
        ArgumentNullException.ThrowIfNull(windowStartsUtc);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (windowStartsUtc.Count != probabilities.Count)
        {
            throw new ArgumentException($"{windowStartsUtc.Count} window starts for {probabilities.Count} windows", nameof(probabilities));
        }

        var events = new List<DetectedEvent>();
        foreach (var run in _trigger.Runs(probabilities.Select(p => p.Detector).ToList()))
        {
            // A run this segment cannot confirm the start of lies before its owned span by construction.
            if (owned is not null && (!owned.Contains(windowStartsUtc[run.First]) || run.First < _trigger.LookBackWindows))
            {
                continue;
            }

            var windows = Enumerable.Range(run.First, run.Count).Select(i => probabilities[i]).ToList();
            var voters = windows.Where(w => thresholds.Label(w) != EventLabel.Noise).ToList();
            if (voters.Count == 0)
            {
                // Only when off_threshold sits below the model's detector threshold and no window crossed the latter.
                continue;
            }

            var onset = _onsets.Pick(windowStartsUtc[run.Peak], arrivals, steeringBackAzimuthDeg);
            events.Add(new DetectedEvent(run, onset, EventVote.Decide(voters, thresholds), voters.Count));
        }

        return events;
    }
}
