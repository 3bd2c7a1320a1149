namespace Seismic.Waveforms.Encodings;

/// <summary>Payload encodings: SEED 2.4 manual, blockette 1000 field 3, and the FDSN miniSEED 3 encoding table (same numbers).</summary>
public enum DataEncoding : byte
{
    Text = 0,
    Int16 = 1,
    Int24 = 2,
    Int32 = 3,
    Float32 = 4,
    Float64 = 5,
    Steim1 = 10,
    Steim2 = 11,
    GeoscopeMultiplexed24 = 12,
    Geoscope16Bit3BitExponent = 13,
    Geoscope16Bit4BitExponent = 14,
    Usnsn = 15,
    Cdsn = 16,
    Graefenberg = 17,
    Ipg = 18,
    Steim3 = 19,
    Sro = 30,
    Hglp = 31,
    Dwwssn = 32,
    Rstn = 33,
}

/// <summary>What a payload decodes to. Integer encodings (including Steim and the gain-ranged legacy ones) give Int32.</summary>
public enum SampleType
{
    /// <summary>No samples, e.g. a header-only or event-detection record.</summary>
    None,
    Int32,
    Float32,
    Float64,
    /// <summary>Bytes of a text (log) payload; one "sample" per byte.</summary>
    Text,
}

public static class DataEncodingFacts
{
    /// <summary>The sample type an encoding decodes to, or null where this library cannot decode it.</summary>
    public static SampleType? SampleTypeOf(DataEncoding encoding) => encoding switch
    {
        DataEncoding.Text => SampleType.Text,
        DataEncoding.Int16 or DataEncoding.Int24 or DataEncoding.Int32 or DataEncoding.Steim1 or DataEncoding.Steim2
            or DataEncoding.Cdsn or DataEncoding.Sro or DataEncoding.Dwwssn => SampleType.Int32,
        DataEncoding.Float32 or DataEncoding.GeoscopeMultiplexed24 or DataEncoding.Geoscope16Bit3BitExponent
            or DataEncoding.Geoscope16Bit4BitExponent => SampleType.Float32,
        DataEncoding.Float64 => SampleType.Float64,
        _ => null,
    };

    /// <summary>
    /// The most samples a payload of this many bytes can hold. The reader refuses headers that claim more,
    /// so a corrupt sample count can never make it allocate more than a few times the record's size.
    /// </summary>
    public static long MaxSamples(DataEncoding encoding, int payloadBytes) => encoding switch
    {
        DataEncoding.Text => payloadBytes,
        DataEncoding.Int16 or DataEncoding.Cdsn or DataEncoding.Sro or DataEncoding.Dwwssn
            or DataEncoding.Geoscope16Bit3BitExponent or DataEncoding.Geoscope16Bit4BitExponent => payloadBytes / 2,
        DataEncoding.Int24 or DataEncoding.GeoscopeMultiplexed24 => payloadBytes / 3,
        DataEncoding.Int32 or DataEncoding.Float32 => payloadBytes / 4,
        DataEncoding.Float64 => payloadBytes / 8,
        // A 64-byte Steim frame has 15 data words (frame 0: 13); Steim-1 packs at most 4 and Steim-2 at most 7 differences in one.
        DataEncoding.Steim1 => payloadBytes / 64 * 15 * 4,
        DataEncoding.Steim2 => payloadBytes / 64 * 15 * 7,
        _ => 0,
    };

    public static string Describe(DataEncoding encoding) => encoding switch
    {
        DataEncoding.Text => "text",
        DataEncoding.Int16 => "16-bit integer",
        DataEncoding.Int24 => "24-bit integer",
        DataEncoding.Int32 => "32-bit integer",
        DataEncoding.Float32 => "32-bit float",
        DataEncoding.Float64 => "64-bit float",
        DataEncoding.Steim1 => "Steim-1",
        DataEncoding.Steim2 => "Steim-2",
        DataEncoding.GeoscopeMultiplexed24 => "GEOSCOPE 24-bit",
        DataEncoding.Geoscope16Bit3BitExponent => "GEOSCOPE 16-bit, 3-bit exponent",
        DataEncoding.Geoscope16Bit4BitExponent => "GEOSCOPE 16-bit, 4-bit exponent",
        DataEncoding.Cdsn => "CDSN 16-bit gain ranged",
        DataEncoding.Sro => "SRO gain ranged",
        DataEncoding.Dwwssn => "DWWSSN 16-bit",
        _ => $"encoding {(int)encoding}",
    };
}
