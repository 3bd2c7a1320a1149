using Seismic.Configuration;

namespace Seismic.Detection;

/// <summary>A run of windows that makes one event, by index into the segment's windows.</summary>
/// <param name="First">First window of the run (the first at or above the off threshold).</param>
/// <param name="Last">Last window at or above the off threshold.</param>
/// <param name="Peak">Window with the highest detector probability.</param>
/// <param name="ReachesSegmentEnd">The run was still on at the segment's last window: the event may go on beyond what this segment saw.</param>
public sealed record TriggeredRun(int First, int Last, int Peak, bool ReachesSegmentEnd)
{
    public int Count => Last - First + 1;
}

/// <summary>
/// A trigger with hysteresis and a minimum duration on the detector probabilities of consecutive windows.
/// An event is a run of windows at or above detection.off_threshold (runs separated by at most
/// detection.merge_gap_windows windows below it are one run) in which at least detection.min_windows_on
/// windows reach detection.on_threshold. The run is defined by the windows themselves, not by a trigger state
/// carried from earlier data, so two overlapping segments find the same run wherever both see it whole.
/// </summary>
public sealed class EventTrigger(DetectionSettings settings)
{
    /// <summary>Windows before a run's first window that must all be below the off threshold for the run to start there.</summary>
    public int LookBackWindows => settings.MergeGapWindows + 1;

    /// <summary>
    /// The runs of <paramref name="detectorProbabilities"/> (one per window, in time order). A run whose start
    /// the segment cannot confirm (fewer than <see cref="LookBackWindows"/> windows before it) is still returned:
    /// ownership (<see cref="OwnedSpan"/>) decides whether this segment reports it.
    /// </summary>
    public IReadOnlyList<TriggeredRun> Runs(IReadOnlyList<double> detectorProbabilities)
    {
        ArgumentNullException.ThrowIfNull(detectorProbabilities);
        var runs = new List<TriggeredRun>();
        var n = detectorProbabilities.Count;
        var i = 0;
        while (i < n)
        {
            if (detectorProbabilities[i] < settings.OffThreshold)
            {
                i++;
                continue;
            }

            var first = i;
            var last = i;
            var on = 0;
            var peak = i;
            var lowInARow = 0;
            for (; i < n; i++)
            {
                var p = detectorProbabilities[i];
                if (p < settings.OffThreshold)
                {
                    if (++lowInARow > settings.MergeGapWindows)
                    {
                        break;
                    }

                    continue;
                }

                lowInARow = 0;
                last = i;
                if (p >= settings.OnThreshold)
                {
                    on++;
                }

                if (p > detectorProbabilities[peak])
                {
                    peak = i;
                }
            }

            // Out of windows before the run was closed by enough low ones: it may go on past this segment.
            var reachesEnd = i >= n;
            if (on >= settings.MinWindowsOn)
            {
                runs.Add(new TriggeredRun(first, last, peak, reachesEnd));
            }
        }

        return runs;
    }
}
