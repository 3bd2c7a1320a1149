using System.Globalization;

namespace Seismic.Waveforms.Time;

/// <summary>
/// A UTC instant as nanoseconds since 1970-01-01T00:00:00Z. miniSEED 3 stores start times to the
/// nanosecond, which <see cref="DateTime"/> (100 ns ticks) cannot hold; a 64-bit nanosecond count
/// covers 1677 to 2262, which includes every SEED epoch met in practice (the oldest test file is 1964).
/// Leap seconds are not modelled: like libmseed, a second of 60 simply adds one more second.
/// </summary>
public readonly record struct NanoTime(long NanosecondsSinceEpoch) : IComparable<NanoTime>
{
    public const long NanosecondsPerSecond = 1_000_000_000;
    private const long NanosecondsPerDay = 86_400 * NanosecondsPerSecond;
    private const long TicksPerNanosecondDivisor = 100;

    public static NanoTime Epoch => new(0);

    public static NanoTime FromDateTime(DateTime utc)
    {
        var ticks = utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime().Ticks : utc.Ticks;
        return new NanoTime((ticks - DateTime.UnixEpoch.Ticks) * TicksPerNanosecondDivisor);
    }

    /// <summary>Builds a time from the calendar fields SEED headers carry (year, day of year, time of day).</summary>
    public static NanoTime FromYearDay(int year, int dayOfYear, int hour, int minute, int second, long nanosecond)
    {
        var days = DaysFromEpoch(year) + (dayOfYear - 1);
        var seconds = days * 86_400L + hour * 3600L + minute * 60L + second;
        return new NanoTime(seconds * NanosecondsPerSecond + nanosecond);
    }

    /// <summary>Rounds to the nearest 100 ns tick.</summary>
    public DateTime ToDateTime()
    {
        var ticks = Math.Round((decimal)NanosecondsSinceEpoch / TicksPerNanosecondDivisor, MidpointRounding.AwayFromZero);
        return new DateTime(DateTime.UnixEpoch.Ticks + (long)ticks, DateTimeKind.Utc);
    }

    public int Year => CalendarFields().Year;

    public int DayOfYear => CalendarFields().DayOfYear;

    /// <summary>The nanoseconds past the whole second (0 to 999,999,999).</summary>
    public long SubsecondNanoseconds => FloorMod(NanosecondsSinceEpoch, NanosecondsPerSecond);

    /// <summary>Midnight UTC that begins this instant's day.</summary>
    public NanoTime StartOfDay => new(NanosecondsSinceEpoch - FloorMod(NanosecondsSinceEpoch, NanosecondsPerDay));

    public NanoTime AddNanoseconds(long nanoseconds) => new(NanosecondsSinceEpoch + nanoseconds);

    public NanoTime AddSeconds(double seconds) => new(NanosecondsSinceEpoch + (long)Math.Round(seconds * NanosecondsPerSecond));

    public NanoTime AddDays(int days) => new(NanosecondsSinceEpoch + days * NanosecondsPerDay);

    public static long operator -(NanoTime a, NanoTime b) => a.NanosecondsSinceEpoch - b.NanosecondsSinceEpoch;

    public static bool operator <(NanoTime a, NanoTime b) => a.NanosecondsSinceEpoch < b.NanosecondsSinceEpoch;

    public static bool operator >(NanoTime a, NanoTime b) => a.NanosecondsSinceEpoch > b.NanosecondsSinceEpoch;

    public static bool operator <=(NanoTime a, NanoTime b) => a.NanosecondsSinceEpoch <= b.NanosecondsSinceEpoch;

    public static bool operator >=(NanoTime a, NanoTime b) => a.NanosecondsSinceEpoch >= b.NanosecondsSinceEpoch;

    public int CompareTo(NanoTime other) => NanosecondsSinceEpoch.CompareTo(other.NanosecondsSinceEpoch);

    /// <summary>
    /// ISO 8601 UTC in libmseed's style: no fraction when the time is on a whole second, six digits when it is
    /// on a whole microsecond, otherwise nine.
    /// </summary>
    public override string ToString()
    {
        var seconds = FloorDiv(NanosecondsSinceEpoch, NanosecondsPerSecond);
        var fraction = SubsecondNanoseconds;
        var whole = DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        if (fraction == 0)
            return whole + "Z";
        if (fraction % 1000 == 0)
            return $"{whole}.{fraction / 1000:D6}Z";
        return $"{whole}.{fraction:D9}Z";
    }

    /// <summary>Parses ISO 8601 UTC with up to nine fractional digits (e.g. 2012-05-12T00:00:00.123456789Z).</summary>
    public static NanoTime Parse(string text)
    {
        if (TryParse(text, out var time))
            return time;
        throw new FormatException($"'{text}' is not an ISO 8601 UTC time such as 2012-05-12T00:00:00.123456789Z.");
    }

    public static bool TryParse(string? text, out NanoTime time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var body = text.Trim().TrimEnd('Z', 'z');
        long fractionNs = 0;
        var dot = body.IndexOf('.');
        if (dot >= 0)
        {
            var digits = body[(dot + 1)..];
            if (digits.Length is 0 or > 9 || !digits.All(char.IsAsciiDigit))
                return false;
            fractionNs = long.Parse(digits.PadRight(9, '0'), CultureInfo.InvariantCulture);
            body = body[..dot];
        }
        string[] formats = ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(body, formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var whole))
            return false;
        time = FromDateTime(whole).AddNanoseconds(fractionNs);
        return true;
    }

    private (int Year, int DayOfYear) CalendarFields()
    {
        var date = DateTime.UnixEpoch.AddDays(FloorDiv(NanosecondsSinceEpoch, NanosecondsPerDay));
        return (date.Year, date.DayOfYear);
    }

    private static long DaysFromEpoch(int year)
    {
        // Proleptic Gregorian day count, valid for any year (DateTime would reject year 0 or > 9999).
        long y = year - 1;
        var daysBeforeYear = y * 365 + FloorDiv(y, 4) - FloorDiv(y, 100) + FloorDiv(y, 400);
        const long daysBefore1970 = 1969L * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400;
        return daysBeforeYear - daysBefore1970;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long FloorMod(long a, long b) => a - FloorDiv(a, b) * b;
}
