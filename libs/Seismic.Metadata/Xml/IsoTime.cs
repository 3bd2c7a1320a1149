using System.Globalization;
using System.Text.RegularExpressions;

namespace Seismic.Metadata.Xml;

/// <summary>
/// The date-times metadata files carry, read the way ObsPy's UTCDateTime reads them: ISO 8601 in its
/// extended or basic form, a 'T' or a space between date and time, a calendar or an ordinal date
/// ("2012-227"), a date alone (midnight), seconds with any number of fraction digits, and "Z", an offset
/// ("+01:00", "+0100", "+01") or no zone at all. No zone means UTC, never the machine's local time: data
/// centres drop the 'Z' ("2011-03-11T05:46:24.1200") but always mean UTC.
/// </summary>
internal static partial class IsoTime
{
    public static bool TryParse(string text, out DateTime utc)
    {
        utc = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        try
        {
            var year = Number(match, "year");
            var date = match.Groups["dayOfYear"].Success
                ? new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(CheckedDayOfYear(year, Number(match, "dayOfYear")) - 1)
                : new DateTime(year, Number(match, "month"), Number(match, "day"), 0, 0, 0, DateTimeKind.Utc);
            var time = new TimeSpan(0, Optional(match, "hour"), Optional(match, "minute"), Optional(match, "second"))
                + TimeSpan.FromTicks(FractionTicks(match.Groups["fraction"].Value));
            if (time >= TimeSpan.FromDays(1))
            {
                return false;
            }

            utc = date + time - Offset(match);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static int CheckedDayOfYear(int year, int day) =>
        day >= 1 && day <= (DateTime.IsLeapYear(year) ? 366 : 365) ? day : throw new ArgumentOutOfRangeException(nameof(day));

    /// <summary>DateTime holds 100 ns ticks; xs:dateTime allows more digits than that, which are dropped (not rounded, as ObsPy's microseconds are not).</summary>
    private static long FractionTicks(string digits)
    {
        var kept = digits.Length > 7 ? digits[..7] : digits.PadRight(7, '0');
        return digits.Length == 0 ? 0 : long.Parse(kept, CultureInfo.InvariantCulture);
    }

    private static TimeSpan Offset(Match match)
    {
        if (!match.Groups["offsetHours"].Success)
        {
            return TimeSpan.Zero;
        }

        var offset = new TimeSpan(Number(match, "offsetHours"), Optional(match, "offsetMinutes"), 0);
        return match.Groups["sign"].Value == "-" ? -offset : offset;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Optional(Match match, string group) => match.Groups[group].Success ? Number(match, group) : 0;

    [GeneratedRegex(
        @"^(?<year>\d{4})-?(?:(?<month>\d{2})-?(?<day>\d{2})|(?<dayOfYear>\d{3}))" +
        @"(?:[Tt ](?<hour>\d{2}):?(?<minute>\d{2})(?::?(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?)?" +
        @"(?:[Zz]|(?<sign>[+-])(?<offsetHours>\d{2})(?::?(?<offsetMinutes>\d{2}))?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
