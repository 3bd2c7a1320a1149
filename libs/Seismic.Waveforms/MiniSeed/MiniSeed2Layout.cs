namespace Seismic.Waveforms.MiniSeed;

/// <summary>Byte offsets of the SEED 2.4 fixed section of data header (SEED manual, chapter 8) and its blockettes.</summary>
internal static class MiniSeed2Layout
{
    public const int FixedHeaderBytes = 48;
    public const int SequenceNumber = 0;         // 6 ASCII digits
    public const int QualityIndicator = 6;       // D, R, Q or M
    public const int Station = 8;                // 5 ASCII, space padded
    public const int Location = 13;              // 2 ASCII
    public const int Channel = 15;               // 3 ASCII
    public const int Network = 18;               // 2 ASCII
    public const int StartYear = 20;             // BTIME: u16 year, u16 day, u8 hour, minute, second, unused, u16 0.0001 s
    public const int StartDayOfYear = 22;
    public const int StartHour = 24;
    public const int StartMinute = 25;
    public const int StartSecond = 26;
    public const int StartTenThousandths = 28;
    public const int SampleCount = 30;           // u16
    public const int RateFactor = 32;            // i16
    public const int RateMultiplier = 34;        // i16
    public const int ActivityFlags = 36;         // bit 0 calibration, bit 1 time correction applied
    public const int IoFlags = 37;               // bit 5 clock locked
    public const int DataQualityFlags = 38;      // bit 7 time tag questionable
    public const int BlocketteCount = 39;
    public const int TimeCorrection = 40;        // i32, 0.0001 s
    public const int DataOffset = 44;            // u16, beginning of data
    public const int FirstBlockette = 46;        // u16

    public const int MinExponent = 7;            // 128-byte records, the smallest in use
    public const int MaxExponent = 16;           // 64 KiB, the most a u16 data offset can address

    public const ushort Blockette100 = 100;      // u16 type, u16 next, f32 actual sample rate, i8 flags, 3 reserved
    public const ushort Blockette1000 = 1000;    // u16 type, u16 next, u8 encoding, u8 word order (1 = big-endian), u8 log2 record length, reserved
    public const ushort Blockette1001 = 1001;    // u16 type, u16 next, u8 timing quality, i8 microseconds, reserved, u8 frame count
}

/// <summary>Byte offsets of the FDSN miniSEED 3 fixed header (FDSN miniSEED 3 specification, v1.0). All little-endian.</summary>
internal static class MiniSeed3Layout
{
    public const int FixedHeaderBytes = 40;
    public const int FormatVersion = 2;          // "MS" then u8 3
    public const int Flags = 3;
    public const int Nanosecond = 4;             // u32
    public const int Year = 8;                   // u16
    public const int DayOfYear = 10;             // u16
    public const int Hour = 12;
    public const int Minute = 13;
    public const int Second = 14;
    public const int Encoding = 15;
    public const int SampleRate = 16;            // f64: > 0 rate in Hz, < 0 period in seconds (negated)
    public const int SampleCount = 24;           // u32
    public const int CrcOffset = 28;             // u32 CRC-32C of the record with this field zero
    public const int PublicationVersion = 32;
    public const int SourceIdLength = 33;        // u8
    public const int ExtraHeadersLength = 34;    // u16
    public const int PayloadLength = 36;         // u32
}
