namespace Seismic.Waveforms.MiniSeed;

/// <summary>
/// An FDSN source identifier (FDSN:NET_STA_LOC_BAND_SOURCE_SUBSOURCE, FDSN Source Identifiers 1.0) with its
/// SEED 2 equivalent (NET.STA.LOC.CHA). Equality is by the FDSN string, which is what miniSEED 3 stores.
/// </summary>
public sealed record SourceId
{
    private const string Prefix = "FDSN:";

    private SourceId(string fdsn, string network, string station, string location, string channel)
    {
        Fdsn = fdsn;
        Network = network;
        Station = station;
        Location = location;
        Channel = channel;
    }

    /// <summary>The full identifier, e.g. FDSN:IU_COLA_00_L_H_Z.</summary>
    public string Fdsn { get; }

    public string Network { get; }

    public string Station { get; }

    public string Location { get; }

    /// <summary>The SEED channel code: band, source and subsource joined (LHZ), or with underscores where one is longer than a character.</summary>
    public string Channel { get; }

    /// <summary>NET.STA.LOC.CHA, the SEED 2 form used in SDS file names.</summary>
    public string SeedCode => $"{Network}.{Station}.{Location}.{Channel}";

    public static SourceId FromSeed(string network, string station, string location, string channel)
    {
        network = network.Trim();
        station = station.Trim();
        location = location.Trim();
        channel = channel.Trim();
        // The FDSN mapping splits a SEED channel into band, source and subsource, one character each.
        // libmseed does the same for empty or short channel codes, which yields FDSN:_____ for an all-blank header.
        var channelPart = channel.Length <= 3
            ? string.Join('_', Enumerable.Range(0, 3).Select(i => i < channel.Length ? channel[i].ToString() : ""))
            : channel;
        return new SourceId($"{Prefix}{network}_{station}_{location}_{channelPart}", network, station, location, channel);
    }

    /// <summary>Parses FDSN:NET_STA_LOC_B_S_S or NET.STA.LOC.CHA; any other string is kept verbatim as the FDSN form.</summary>
    public static SourceId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(Prefix, StringComparison.Ordinal))
            return FromFdsn(text);
        var dotted = text.Split('.');
        if (dotted.Length == 4)
            return FromSeed(dotted[0], dotted[1], dotted[2], dotted[3]);
        return new SourceId(text, "", "", "", text);
    }

    private static SourceId FromFdsn(string fdsn)
    {
        var parts = fdsn[Prefix.Length..].Split('_');
        if (parts.Length != 6)
            return new SourceId(fdsn, parts.ElementAtOrDefault(0) ?? "", parts.ElementAtOrDefault(1) ?? "", "", "");
        var (band, source, subsource) = (parts[3], parts[4], parts[5]);
        var channel = band.Length <= 1 && source.Length <= 1 && subsource.Length <= 1
            ? band + source + subsource
            : $"{band}_{source}_{subsource}";
        return new SourceId(fdsn, parts[0], parts[1], parts[2], channel);
    }

    public bool Equals(SourceId? other) => other is not null && string.Equals(Fdsn, other.Fdsn, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Fdsn);

    public override string ToString() => Fdsn;
}
