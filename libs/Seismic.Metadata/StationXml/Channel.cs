namespace Seismic.Metadata.StationXml;

/// <summary>One epoch of one channel. A channel whose metadata changed has several epochs with the same <see cref="Id"/>.</summary>
public sealed record Channel
{
    /// <summary>Full identifier; the location code is kept exactly as written (it can be "  ").</summary>
    public required ChannelId Id { get; init; }

    public string LocationCode => Id.Location;

    public string Code => Id.Channel;

    public required DateTime? StartUtc { get; init; }

    /// <summary>End of the epoch, inclusive; null when open.</summary>
    public required DateTime? EndUtc { get; init; }

    /// <summary>WGS84 latitude, degrees north.</summary>
    public required double LatitudeDeg { get; init; }

    /// <summary>WGS84 longitude, degrees east.</summary>
    public required double LongitudeDeg { get; init; }

    /// <summary>
    /// Elevation above sea level as written. Providers differ on whether this is the ground surface or
    /// the sensor (IU.ANMO.10.BHZ gives the sensor: station 1820 m, channel 1759 m at 57 m depth), so
    /// nothing here subtracts <see cref="DepthM"/>. Null when the document gives none (nothing in the
    /// pipeline needs it: sites are placed in the horizontal plane).
    /// </summary>
    public required double? ElevationM { get; init; }

    /// <summary>Burial depth of the sensor below the local ground surface; positive down. Null when the document gives none.</summary>
    public required double? DepthM { get; init; }

    /// <summary>Azimuth of the sensitive axis, degrees clockwise from north.</summary>
    public required double? AzimuthDeg { get; init; }

    /// <summary>Dip of the sensitive axis, degrees down from horizontal (SEED convention: -90 is a vertical axis pointing up).</summary>
    public required double? DipDeg { get; init; }

    public required double? SampleRateHz { get; init; }

    public required InstrumentSensitivity? Sensitivity { get; init; }

    /// <summary>Epochs are closed at both ends, as in ObsPy's is_active.</summary>
    public bool IsActiveAt(DateTime timeUtc) => Epoch.Contains(StartUtc, EndUtc, timeUtc);
}
