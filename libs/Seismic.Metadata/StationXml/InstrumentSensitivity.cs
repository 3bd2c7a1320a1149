namespace Seismic.Metadata.StationXml;

/// <summary>
/// The overall gain of a channel. Value and frequency are required by the schema but IRIS leaves them
/// out for channels whose response is a polynomial (e.g. thermistors), so both are optional here.
/// </summary>
public sealed record InstrumentSensitivity
{
    /// <summary>Gain in OutputUnits per InputUnits (e.g. counts per m/s).</summary>
    public required double? Value { get; init; }

    /// <summary>Frequency at which <see cref="Value"/> holds.</summary>
    public required double? FrequencyHz { get; init; }

    /// <summary>Unit name as written, e.g. "M/S"; null when the document leaves it out (schema-required, but seen in converter output).</summary>
    public required string? InputUnits { get; init; }

    /// <summary>Unit name as written, e.g. "COUNTS"; null when the document leaves it out.</summary>
    public required string? OutputUnits { get; init; }
}
