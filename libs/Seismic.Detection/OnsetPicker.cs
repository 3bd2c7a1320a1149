using Seismic.Beams;

namespace Seismic.Detection;

/// <summary>How an event's onset and back-azimuth were found.</summary>
public enum OnsetMethod
{
    /// <summary>An arrival the beamformer found (STA/LTA on the array's summed P-band energy) with its own f-k direction.</summary>
    Arrival,

    /// <summary>No arrival near where the windows put P: the onset is that time, the direction the beams' steering.</summary>
    WindowPosition,
}

/// <summary>An event's P onset at the array and the direction it came from.</summary>
public sealed record Onset(DateTime OnsetUtc, double BackAzimuthDeg, OnsetMethod Method);

/// <summary>
/// Finds the P onsets inside a run of event windows. The detector says whether a window holds an event, wherever
/// P sits in it: measured on simulated data, a window's probability usually jumps from about 0 to above 0.85 as
/// soon as P is inside it (P 10 s before the window's end) and stays there while P and the coda are in view; for
/// some events (two large blasts at once) it rises only when P is minutes inside. Either way the run's first P
/// lies inside its first window. The onset is the earliest P-type arrival (an STA/LTA onset with the apparent
/// velocity of P and a coherent f-k maximum) in that window or up to detection.onset_search_s after it; else the
/// arrival of any kind nearest the window's end within that search; else the window's end itself.
/// <para>
/// Mines blast minutes apart and several at once, so one run often holds more than one event. A later P-type
/// arrival in the run (apparent velocity of P, coherent across the array) starts another event when it comes
/// from elsewhere (<see cref="NewDirectionDeg"/> or more away from every event so far), or from the same
/// direction after more than <see cref="SameEventPhasesSeconds"/>, longer than Pn and Pg of one regional event
/// are apart. S phases (Sn, Lg) cross the array slower and never start an event.
/// </para>
/// </summary>
public sealed class OnsetPicker(double searchS)
{
    /// <summary>Slowest apparent velocity taken for P, km/s: Pg crosses at about 6, Sn at 4.5 and Lg at 3.5.</summary>
    public const double PMinimumApparentVelocityKmPerS = 5.5;

    /// <summary>Least f-k relative power of an arrival that starts an event of its own: noise is incoherent.</summary>
    public const double MinimumRelativePower = 0.4;

    /// <summary>Directions further apart than this are different sources: ARCES resolves about 5 degrees at 2-8 Hz, and the mines it watches lie 10 or more apart.</summary>
    public const double NewDirectionDeg = 10;

    /// <summary>Pn and Pg of one event at up to 1,500 km are less than this apart.</summary>
    public const double SameEventPhasesSeconds = 45;

    /// <summary>The run's first onset, then every arrival in [<paramref name="firstWindowEndUtc"/>, <paramref name="lastWindowEndUtc"/>] that starts another event, in time order.</summary>
    public IReadOnlyList<Onset> Pick(DateTime firstWindowStartUtc, DateTime firstWindowEndUtc, DateTime lastWindowEndUtc, IReadOnlyList<Arrival> arrivals, double steeringBackAzimuthDeg)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var nearest = arrivals
            .Where(a => IsP(a) && a.OnsetUtc >= firstWindowStartUtc && a.OnsetUtc <= firstWindowEndUtc.AddSeconds(searchS))
            .OrderBy(a => a.OnsetUtc)
            .FirstOrDefault()
            ?? arrivals
                .Where(a => Math.Abs((a.OnsetUtc - firstWindowEndUtc).TotalSeconds) <= searchS)
                .OrderBy(a => Math.Abs((a.OnsetUtc - firstWindowEndUtc).TotalSeconds))
                .FirstOrDefault();
        var onsets = new List<Onset>
        {
            nearest is null
                ? new Onset(firstWindowEndUtc, steeringBackAzimuthDeg, OnsetMethod.WindowPosition)
                : new Onset(nearest.OnsetUtc, nearest.BackAzimuthDeg, OnsetMethod.Arrival),
        };

        var later = arrivals
            .Where(a => a.OnsetUtc > onsets[0].OnsetUtc && a.OnsetUtc <= lastWindowEndUtc && IsP(a))
            .OrderBy(a => a.OnsetUtc);
        foreach (var arrival in later)
        {
            var last = onsets[^1];
            var elsewhere = onsets.All(o => AngleBetweenDeg(o.BackAzimuthDeg, arrival.BackAzimuthDeg) >= NewDirectionDeg);
            var laterFromSameSide = (arrival.OnsetUtc - last.OnsetUtc).TotalSeconds > SameEventPhasesSeconds;
            if (elsewhere || laterFromSameSide)
                onsets.Add(new Onset(arrival.OnsetUtc, arrival.BackAzimuthDeg, OnsetMethod.Arrival));
        }
        return onsets;
    }

    /// <summary>Crosses the array at the speed of P and coherently: a P phase, not an S phase or noise.</summary>
    private static bool IsP(Arrival arrival) =>
        arrival.ApparentVelocityKmPerS >= PMinimumApparentVelocityKmPerS && arrival.RelativePower >= MinimumRelativePower;

    private static double AngleBetweenDeg(double aDeg, double bDeg)
    {
        var difference = Math.Abs(aDeg - bDeg) % 360;
        return difference > 180 ? 360 - difference : difference;
    }
}
