using Seismic.Beams;

namespace Seismic.Detection;

/// <summary>How an event's onset and back-azimuth were found.</summary>
public enum OnsetMethod
{
    /// <summary>An arrival the beamformer found (STA/LTA on the array's summed P-band energy) with its own f-k direction.</summary>
    Arrival,

    /// <summary>No arrival near the expected P: the onset is where the windows put P, the direction the beams' steering.</summary>
    WindowPosition,
}

/// <summary>An event's P onset at the array and the direction it came from.</summary>
public sealed record Onset(DateTime OnsetUtc, double BackAzimuthDeg, OnsetMethod Method);

/// <summary>
/// Places a detected event's P onset. The windows say roughly where P is: the detector learned events with P
/// at window.p_position_s, so the window it is surest of has P about there. The onset is then the arrival
/// (an STA/LTA onset with its f-k direction) nearest that expected time within detection.onset_search_s; the
/// strongest of those would often be the S phase, which is why the nearest, not the strongest, is taken.
/// </summary>
public sealed class OnsetPicker(double pPositionS, double searchS)
{
    public Onset Pick(DateTime peakWindowStartUtc, IReadOnlyList<Arrival> arrivals, double steeringBackAzimuthDeg)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var expectedUtc = peakWindowStartUtc.AddSeconds(pPositionS);
        var nearest = arrivals
            .Where(a => Math.Abs((a.OnsetUtc - expectedUtc).TotalSeconds) <= searchS)
            .OrderBy(a => Math.Abs((a.OnsetUtc - expectedUtc).TotalSeconds))
            .FirstOrDefault();
        return nearest is null
            ? new Onset(expectedUtc, steeringBackAzimuthDeg, OnsetMethod.WindowPosition)
            : new Onset(nearest.OnsetUtc, nearest.BackAzimuthDeg, OnsetMethod.Arrival);
    }
}
