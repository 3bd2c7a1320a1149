namespace Seismic.SeedLink.Client;

/// <summary>One station a client asks for, and which of its channels.</summary>
/// <param name="StationId">NET_STA; * and ? are wildcards where the server allows them.</param>
/// <param name="Selectors">SELECT patterns (e.g. BHZ, BH?, 00BHZ, or protocol 4's *_B_H_Z); none: every channel.</param>
public sealed record StationRequest(string StationId, IReadOnlyList<string> Selectors)
{
    public string Network => StationId.Split('_')[0];

    public string Station => StationId.Split('_', 2) is [_, var station] ? station : StationId;

    /// <summary>
    /// Parses slinktool's stream list: "NET_STA[:SEL SEL...][,NET_STA...]", e.g. "NO_ARA0:BHZ BHN,NO_ARB1".
    /// </summary>
    /// <exception cref="FormatException">A station without NET_STA; the message names it.</exception>
    public static IReadOnlyList<StationRequest> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var requests = new List<StationRequest>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var station = colon < 0 ? item : item[..colon];
            var selectors = colon < 0 ? [] : item[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (station.Split('_') is not [{ Length: > 0 }, { Length: > 0 }])
                throw new FormatException($"'{item}': a station is NET_STA (e.g. NO_ARA0), optionally followed by :CHANNELS (e.g. NO_ARA0:BHZ)");
            requests.Add(new StationRequest(station.ToUpperInvariant(), selectors));
        }
        if (requests.Count == 0)
            throw new FormatException($"'{text}' names no station (expected NET_STA[:CHANNELS], e.g. NO_ARA0:BHZ)");
        return requests;
    }

    /// <summary>A protocol 3 selector ([LL]CCC[.T]) in protocol 4's form (LL_B_S_SS); other forms are passed on as they are.</summary>
    public static string ToVersion4Selector(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var negate = selector.StartsWith('!') ? "!" : "";
        var pattern = negate.Length > 0 ? selector[1..] : selector;
        var suffix = "";
        var dot = pattern.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            suffix = pattern[dot..] == ".D" ? "" : pattern[dot..];
            pattern = pattern[..dot];
        }
        if (pattern.Contains('_', StringComparison.Ordinal) || pattern.Length is < 3 or > 5)
            return selector;
        var location = pattern.Length == 3 ? "*" : pattern[..^3];
        var channel = pattern[^3..];
        return $"{negate}{location}_{channel[0]}_{channel[1]}_{channel[2]}{suffix}";
    }
}
