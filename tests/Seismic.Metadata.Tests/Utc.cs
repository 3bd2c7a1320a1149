using System.Globalization;

namespace Seismic.Metadata.Tests;

internal static class Utc
{
    public static DateTime Parse(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
