namespace Seismic.Metadata.StationXml;

/// <summary>
/// A SEED stream identifier NET.STA.LOC.CHA. Equality is exact (so "  " and "" differ, as the files
/// do); use <see cref="Matches"/> to compare the way an analyst means it, with all blank locations equal.
/// </summary>
public readonly record struct ChannelId(string Network, string Station, string Location, string Channel)
{
    /// <summary>Parses "NET.STA.LOC.CHA"; the location may be empty ("CN.YKB0..SHZ") or "--".</summary>
    public static ChannelId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('.');
        if (parts.Length != 4 || parts[0].Length == 0 || parts[1].Length == 0 || parts[3].Length == 0)
        {
            throw new FormatException($"'{text}' is not a channel id of the form NET.STA.LOC.CHA (LOC may be empty)");
        }

        return new ChannelId(parts[0], parts[1], parts[2], parts[3]);
    }

    public bool Matches(ChannelId other) =>
        string.Equals(Network, other.Network, StringComparison.Ordinal)
        && string.Equals(Station, other.Station, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal)
        && LocationCode.AreEquivalent(Location, other.Location);

    /// <summary>NET.STA.LOC.CHA with the location exactly as stored, so "  " prints as two spaces.</summary>
    public override string ToString() => $"{Network}.{Station}.{Location}.{Channel}";
}
