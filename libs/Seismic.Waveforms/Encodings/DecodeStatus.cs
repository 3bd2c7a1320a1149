namespace Seismic.Waveforms.Encodings;

/// <summary>
/// The outcome of decoding one payload. A failure means the samples are unusable; a warning means they were
/// decoded but a consistency check failed (e.g. Steim's reverse integration constant), as libmseed reports it.
/// </summary>
public readonly record struct DecodeStatus(bool Succeeded, string? Message)
{
    public static DecodeStatus Success => new(true, null);

    public static DecodeStatus Fail(string reason) => new(false, reason);

    public static DecodeStatus Warn(string warning) => new(true, warning);

    public bool HasWarning => Succeeded && Message is not null;
}
