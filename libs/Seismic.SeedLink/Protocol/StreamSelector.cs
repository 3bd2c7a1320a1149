using Seismic.Waveforms.MiniSeed;

namespace Seismic.SeedLink.Protocol;

/// <summary>
/// A SELECT pattern, in either protocol's form, matched against a channel.
/// Protocol 3: [LL]CCC[.T], location and channel with ? wildcards (e.g. "BHZ", "00BH?", "??BHZ.D"), the form
/// SeisComP documents. Protocol 4: [LOC_]B_S_SS or [LOC_]CHA with * and ? (e.g. "*_B_H_Z", "00_B_H_?", "BH?"),
/// optionally ".FORMAT" or ".SUBFORMAT" after it. A leading '!' excludes what it matches.
/// </summary>
public sealed class StreamSelector
{
    private readonly string? _location;
    private readonly string _channel;

    private StreamSelector(bool excludes, string? location, string channel, string text)
    {
        Excludes = excludes;
        _location = location;
        _channel = channel;
        Text = text;
    }

    public bool Excludes { get; }

    public string Text { get; }

    /// <exception cref="FormatException">Not a selector of either protocol; the message names it.</exception>
    public static StreamSelector Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pattern = text.Trim();
        var excludes = pattern.StartsWith('!');
        if (excludes)
            pattern = pattern[1..];
        var dot = pattern.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            // ".D" (protocol 3's type) or ".2D"/".3D" (protocol 4's format and subformat): only data is served.
            var suffix = pattern[(dot + 1)..];
            if (suffix.Length is 0 or > 2 || suffix.Any(c => !char.IsLetterOrDigit(c) && c != '?' && c != '*'))
                throw new FormatException($"selector '{text}': '.{suffix}' is not a type or format");
            pattern = pattern[..dot];
        }

        if (pattern.Contains('_', StringComparison.Ordinal))
        {
            // Protocol 4: LOC_B_S_SS, or B_S_SS without a location (any), or LOC_* and the like.
            var parts = pattern.Split('_');
            return parts.Length switch
            {
                4 => new StreamSelector(excludes, parts[0], parts[1] + parts[2] + parts[3], text),
                3 => new StreamSelector(excludes, null, parts[0] + parts[1] + parts[2], text),
                2 => new StreamSelector(excludes, parts[0], parts[1], text),
                _ => throw new FormatException($"selector '{text}' is neither LOC_B_S_SS nor B_S_SS"),
            };
        }

        if (pattern.Length is 0 or > 5 || pattern.Any(c => !char.IsLetterOrDigit(c) && c != '?' && c != '*' && c != '-'))
            throw new FormatException($"selector '{text}' is not [LL]CCC[.T]");
        return pattern.Length <= 3
            ? new StreamSelector(excludes, null, pattern, text)
            : new StreamSelector(excludes, pattern[..^3].Replace("-", " ", StringComparison.Ordinal), pattern[^3..], text);
    }

    public bool Matches(SourceId channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (_location is not null)
        {
            // An empty location is two spaces in SEED 2, so "??" and "--" (spaces) match it, and "" does in protocol 4.
            var location = channel.Location.Length == 0 ? "  " : channel.Location;
            var matches = _location.Trim().Length == 0 ? location.Trim().Length == 0 : Wildcard.Matches(_location, location);
            if (!matches)
                return false;
        }
        return Wildcard.Matches(_channel, channel.Channel);
    }

    /// <summary>What a list of selectors lets through: none means everything; exclusions win.</summary>
    public static bool Admits(IReadOnlyList<StreamSelector> selectors, SourceId channel)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        if (selectors.Any(s => s.Excludes && s.Matches(channel)))
            return false;
        var includes = selectors.Where(s => !s.Excludes).ToList();
        return includes.Count == 0 || includes.Any(s => s.Matches(channel));
    }

    public override string ToString() => Text;
}

/// <summary>Glob matching with * (any run) and ? (one character), case-insensitive as SEED codes are upper case.</summary>
public static class Wildcard
{
    public static bool Matches(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
