using System.Text.RegularExpressions;

namespace Seismic.Datasets.Building;

/// <summary>SEED wildcards as the settings write them: * any run of characters, ? exactly one.</summary>
internal static class SeedPatterns
{
    public static bool Matches(string pattern, string code) =>
        Regex.IsMatch(code,
            "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant);
}
