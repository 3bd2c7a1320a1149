using Seismic.Waveforms.Encodings;

namespace Seismic.Waveforms.MiniSeed;

public sealed record MiniSeed2WriteOptions
{
    /// <summary>A power of two from 128 to 65536 bytes.</summary>
    public int RecordLengthBytes { get; init; } = 4096;

    /// <summary>Steim2 or Int32 for Int32 samples, Float32 for Float32, Float64 for Float64, Text for text.</summary>
    public DataEncoding? Encoding { get; init; }

    /// <summary>SEED data quality indicator: D, R, Q or M.</summary>
    public char DataQuality { get; init; } = 'D';

    public int FirstSequenceNumber { get; init; } = 1;
}

public sealed record MiniSeed3WriteOptions
{
    /// <summary>Records are cut to at most this length; miniSEED 3 records need not be a power of two.</summary>
    public int MaxRecordLengthBytes { get; init; } = 4096;

    public DataEncoding? Encoding { get; init; }

    /// <summary>Extra headers (a JSON object as a string) written into every record, or null for none.</summary>
    public string? ExtraHeadersJson { get; init; }

    /// <summary>Overrides the segment's publication version.</summary>
    public byte? PublicationVersion { get; init; }

    /// <summary>Record flags: bit 0 calibration, bit 1 time tag questionable, bit 2 clock locked.</summary>
    public byte Flags { get; init; }
}
