using Seismic.Signal.Arrays;

namespace Seismic.Beams;

/// <summary>The components of one site, told apart by their StationXML dip rather than by channel code.</summary>
internal sealed record SiteComponents(string Site, SensorChannel? Vertical, SensorChannel? Horizontal1, SensorChannel? Horizontal2)
{
    /// <summary>Dips steeper than this (degrees, either sign) are vertical sensors.</summary>
    private const double VerticalMinimumDipDeg = 60.0;

    /// <summary>Dips shallower than this are horizontal sensors; between the two the sensor is oblique (e.g. Galperin) and is not used.</summary>
    private const double HorizontalMaximumDipDeg = 30.0;

    public bool HasHorizontalPair => Horizontal1 is not null && Horizontal2 is not null;

    /// <summary>Sorts conditioned channels into sites of the geometry, in geometry order, and says what each site lacks.</summary>
    public static IReadOnlyList<SiteComponents> Group(IReadOnlyList<ArraySite> geometry, IReadOnlyList<SensorChannel> channels, List<string> warnings)
    {
        var result = new List<SiteComponents>();
        foreach (var site in geometry)
        {
            var own = channels.Where(c => string.Equals(c.Site, site.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (own.Count == 0)
            {
                warnings.Add($"{site.Name}: no usable data; left out of all beams.");
                continue;
            }

            var verticals = own.Where(c => Math.Abs(c.DipDeg) >= VerticalMinimumDipDeg).ToList();
            var horizontals = own.Where(c => Math.Abs(c.DipDeg) <= HorizontalMaximumDipDeg).ToList();
            foreach (var oblique in own.Except(verticals).Except(horizontals))
            {
                warnings.Add($"{oblique.Trace.ChannelId}: dip {oblique.DipDeg} degrees is neither vertical nor horizontal; not used.");
            }

            if (verticals.Count == 0)
            {
                warnings.Add($"{site.Name}: no vertical component; left out of the P beam.");
            }
            else if (verticals.Count > 1)
            {
                warnings.Add($"{site.Name}: {verticals.Count} vertical components; only {verticals[0].Trace.ChannelId} used.");
            }

            if (horizontals.Count < 2)
            {
                var have = horizontals.Count == 0 ? "no horizontal component" : $"only one horizontal component ({horizontals[0].Trace.ChannelId})";
                warnings.Add($"{site.Name}: {have}; left out of the S beams.");
            }
            else if (horizontals.Count > 2)
            {
                warnings.Add($"{site.Name}: {horizontals.Count} horizontal components; only {horizontals[0].Trace.ChannelId} and {horizontals[1].Trace.ChannelId} used.");
            }

            result.Add(new SiteComponents(
                site.Name,
                verticals.FirstOrDefault(),
                horizontals.Count >= 2 ? horizontals[0] : null,
                horizontals.Count >= 2 ? horizontals[1] : null));
        }

        return result;
    }
}
