namespace Seismic.Datasets.Building;

/// <summary>
/// Draws noise windows at random times, seeded, away from every catalog event. The original's "no event
/// nearby" query never excluded anything (a misspelled field and an impossible time range); here a window is
/// refused when it overlaps any event's span from P - 60 s to the end of its coda, or another noise window.
/// Back-azimuths are drawn in degrees (the original drew radians and used them as degrees, so every noise
/// window was steered between 0 and 6.3 degrees).
/// </summary>
public sealed class NoiseWindowSampler
{
    private readonly Random _random;
    private readonly List<ExcludedSpan> _excluded;
    private readonly DateTime _fromUtc;
    private readonly double _rangeSeconds;
    private readonly double _lengthSeconds;

    /// <param name="fromUtc">Earliest window start.</param>
    /// <param name="toUtc">Latest window end.</param>
    /// <param name="lengthSeconds">Window length.</param>
    /// <param name="excluded">Spans no window may overlap.</param>
    /// <param name="seed">Seed of the time and back-azimuth draws.</param>
    public NoiseWindowSampler(DateTime fromUtc, DateTime toUtc, double lengthSeconds, IEnumerable<ExcludedSpan> excluded, int seed)
    {
        _random = new Random(seed);
        _excluded = excluded.OrderBy(s => s.StartUtc).ToList();
        _fromUtc = fromUtc;
        _lengthSeconds = lengthSeconds;
        _rangeSeconds = Math.Max(0.0, (toUtc - fromUtc).TotalSeconds - lengthSeconds);
    }

    /// <summary>The next candidate: a start time (whole milliseconds) and a back-azimuth in [0, 360) degrees; null when it overlaps an event or an earlier window.</summary>
    public (DateTime StartUtc, double BackAzimuthDeg)? Next()
    {
        var start = _fromUtc.AddMilliseconds(Math.Round(_random.NextDouble() * _rangeSeconds * 1000.0));
        var backAzimuthDeg = _random.NextDouble() * 360.0;
        var end = start.AddSeconds(_lengthSeconds);
        if (Overlaps(start, end))
        {
            return null;
        }
        Exclude(new ExcludedSpan(start, end));
        return (start, backAzimuthDeg);
    }

    private bool Overlaps(DateTime startUtc, DateTime endUtc)
    {
        // Spans are sorted by start; only those starting before this window ends can overlap it. Spans are
        // at most a few minutes long, so a short scan back from there finds every overlap.
        var index = UpperBound(endUtc);
        for (var i = index - 1; i >= 0; i--)
        {
            var span = _excluded[i];
            if (span.EndUtc > startUtc && span.StartUtc < endUtc)
            {
                return true;
            }
            if (span.StartUtc < startUtc.AddHours(-6))
            {
                break;
            }
        }
        return false;
    }

    private void Exclude(ExcludedSpan span) => _excluded.Insert(UpperBound(span.StartUtc), span);

    /// <summary>Index of the first span starting at or after <paramref name="timeUtc"/>.</summary>
    private int UpperBound(DateTime timeUtc)
    {
        int low = 0, high = _excluded.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_excluded[mid].StartUtc < timeUtc)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
