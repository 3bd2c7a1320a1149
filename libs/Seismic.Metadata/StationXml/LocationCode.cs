namespace Seismic.Metadata.StationXml;

/// <summary>
/// SEED location codes. A blank location is written three ways in the wild: "" (StationXML, FDSN
/// web services), "--" (FDSN query parameters and many tools) and "  " (two spaces: the fixed-width
/// SEED header field copied verbatim, as in IRIS StationXML for CN and BK). The readers keep the code
/// exactly as written; matching goes through <see cref="AreEquivalent"/>.
/// </summary>
public static class LocationCode
{
    public static bool IsBlank(string code) => code.Length == 0 || code == "--" || code.Trim().Length == 0;

    /// <summary>True when both codes are equal, or both are one of the spellings of a blank location.</summary>
    public static bool AreEquivalent(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || (IsBlank(a) && IsBlank(b));
}
