using Seismic.Configuration.Binding;

namespace Seismic.Configuration;

/// <summary>The seismic array whose data is beamformed and classified.</summary>
public sealed record ArraySettings : IValidatable
{
    /// <summary>Array code, e.g. "ARCES".</summary>
    public required string Code { get; init; }

    /// <summary>FDSN network code, e.g. "NO".</summary>
    public required string Network { get; init; }

    /// <summary>Station code pattern of the array's sites (SEED wildcards), e.g. "AR*".</summary>
    public required string StationPattern { get; init; }

    /// <summary>Channel code pattern (SEED wildcards) used from <see cref="LegacyChannelsUntil"/> on, e.g. "BH?".</summary>
    public required string ChannelPattern { get; init; }

    /// <summary>Channel code pattern of the older naming used before <see cref="LegacyChannelsUntil"/>, e.g. "s*".</summary>
    public required string LegacyChannelPattern { get; init; }

    /// <summary>UTC date on which <see cref="ChannelPattern"/> replaced <see cref="LegacyChannelPattern"/> (exclusive end of the legacy naming).</summary>
    public required DateOnly LegacyChannelsUntil { get; init; }

    /// <summary>Latitude of the array reference point, degrees north (WGS84).</summary>
    public required double ReferenceLatitudeDeg { get; init; }

    /// <summary>Longitude of the array reference point, degrees east (WGS84).</summary>
    public required double ReferenceLongitudeDeg { get; init; }

    /// <summary>StationXML file with the array's sites and responses; null or empty when none is configured yet.</summary>
    public string? InventoryPath { get; init; }

    /// <summary>The channel pattern that applies to data starting at <paramref name="startUtc"/>.</summary>
    public string ChannelPatternAt(DateTime startUtc) =>
        startUtc < LegacyChannelsUntil.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ? LegacyChannelPattern : ChannelPattern;

    void IValidatable.Validate(Validator validator)
    {
        validator.NotBlank(Code, nameof(Code));
        validator.NotBlank(Network, nameof(Network));
        validator.NotBlank(StationPattern, nameof(StationPattern));
        validator.NotBlank(ChannelPattern, nameof(ChannelPattern));
        validator.NotBlank(LegacyChannelPattern, nameof(LegacyChannelPattern));
        validator.Require(
            ReferenceLatitudeDeg is >= -90 and <= 90,
            nameof(ReferenceLatitudeDeg),
            $"must be within [-90, 90] degrees, got {Validator.Format(ReferenceLatitudeDeg)}");
        validator.Require(
            ReferenceLongitudeDeg is >= -180 and <= 180,
            nameof(ReferenceLongitudeDeg),
            $"must be within [-180, 180] degrees, got {Validator.Format(ReferenceLongitudeDeg)}");
    }
}
