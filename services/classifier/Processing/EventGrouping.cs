using Seismic.Inference.Voting;

namespace Seismic.Classifier.Processing;

/// <summary>A run of windows that make up one event, by index into the segment's windows.</summary>
public sealed record WindowRun(int First, int Last)
{
    public int Count => Last - First + 1;
}

/// <summary>Which windows of a segment vote on which event.</summary>
public static class EventGrouping
{
    /// <summary>
    /// With a known event (a catalog hint cut the segment around it) every window votes, as in the seed.
    /// Without one (continuous monitoring), each run of consecutive windows the detector calls an event is
    /// one event, and the windows around it that it calls noise do not vote on it.
    /// </summary>
    public static IReadOnlyList<WindowRun> Runs(IReadOnlyList<ClassifiedWindow> windows, bool knownEvent)
    {
        if (windows.Count == 0)
            return [];
        if (knownEvent)
            return [new WindowRun(0, windows.Count - 1)];

        var runs = new List<WindowRun>();
        int? start = null;
        for (var i = 0; i <= windows.Count; i++)
        {
            var isEvent = i < windows.Count && windows[i].Label != EventLabel.Noise;
            if (isEvent && start is null)
                start = i;
            else if (!isEvent && start is { } first)
            {
                runs.Add(new WindowRun(first, i - 1));
                start = null;
            }
        }
        return runs;
    }
}
