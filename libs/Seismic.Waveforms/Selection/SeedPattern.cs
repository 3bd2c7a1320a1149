using System.Text.RegularExpressions;

namespace Seismic.Waveforms.Selection;

/// <summary>
/// A SEED wildcard pattern as FDSN web services, SeedLink and the settings file write them: <c>*</c> any run
/// of characters, <c>?</c> exactly one. Matching is case-sensitive, as SEED codes are upper case by rule.
/// </summary>
public sealed class SeedPattern
{
    private readonly Regex? _regex;

    public SeedPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Text = pattern;
        if (pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal))
        {
            _regex = new Regex(
                "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
                RegexOptions.CultureInvariant);
        }
    }

    public string Text { get; }

    /// <summary>True when the pattern has no wildcard, so it names exactly one code.</summary>
    public bool IsLiteral => _regex is null;

    public bool Matches(string code) => _regex?.IsMatch(code) ?? string.Equals(Text, code, StringComparison.Ordinal);

    public static bool Matches(string pattern, string code) => new SeedPattern(pattern).Matches(code);

    public override string ToString() => Text;
}
