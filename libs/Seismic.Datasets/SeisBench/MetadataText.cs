using System.Globalization;

namespace Seismic.Datasets.SeisBench;

/// <summary>How values are written to and read from metadata.csv: invariant culture, UTC times in ISO 8601.</summary>
internal static class MetadataText
{
    // obspy's UTCDateTime prints microseconds and a Z; pandas and obspy both parse this form.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Optional(double? value) => value is { } v ? Number(v) : "";

    public static string Optional(int? value) => value is { } v ? Number(v) : "";

    public static string Optional(DateTime? value) => value is { } v ? Time(v) : "";

    public static bool TryParseTime(string text, out DateTime utc) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Sample indices may have been rewritten by pandas as floats ("2400.0"); they are whole numbers all the same.
    /// </summary>
    public static bool TryParseSample(string text, out int value)
    {
        value = 0;
        if (!TryParseNumber(text, out var number) || number != Math.Floor(number) || number is < int.MinValue or > int.MaxValue)
        {
            return false;
        }
        value = (int)number;
        return true;
    }
}
