using Seismic.Signal.Filters;

namespace Seismic.Simulation.Synthesis;

/// <summary>
/// Ambient ground velocity at a quiet shield array: the secondary microseism peak (0.1-0.3 Hz, ocean waves on the
/// Norwegian coast; mostly coherent across a 3 km array, arriving as surface waves from the sea), a red
/// low-frequency tail, and a white high-frequency floor that differs from site to site. Values are RMS in m/s.
/// </summary>
public sealed record NoiseModel
{
    /// <summary>Site-to-site incoherent floor over 0-20 Hz: about 1.8 nm/s RMS in the 2-8 Hz beam band.</summary>
    public double WhiteFloorMPerS { get; init; } = 4e-9;

    /// <summary>Incoherent red noise under <see cref="LowFrequencyCornerHz"/> (wind, cultural noise).</summary>
    public double LowFrequencyMPerS { get; init; } = 1.5e-8;

    public double LowFrequencyCornerHz { get; init; } = 1.0;

    /// <summary>Coherent secondary microseism; winter storms raise it several-fold, see <see cref="MicroseismVariationLog10"/>.</summary>
    public double MicroseismMPerS { get; init; } = 6e-7;

    public double MicroseismLowHz { get; init; } = 0.1;

    public double MicroseismHighHz { get; init; } = 0.3;

    /// <summary>The share of the microseism that is incoherent between sites.</summary>
    public double MicroseismIncoherentShare { get; init; } = 0.15;

    /// <summary>The microseism arrives from the Norwegian Sea as Rayleigh waves.</summary>
    public double MicroseismBackAzimuthDeg { get; init; } = 300.0;

    public double MicroseismVelocityKmPerS { get; init; } = 3.0;

    /// <summary>Peak of the slow (multi-day) swing of the microseism level, log10: 0.3 is a factor of two either way.</summary>
    public double MicroseismVariationLog10 { get; init; } = 0.3;

    /// <summary>Period of that swing: storms come and go over a few days.</summary>
    public double MicroseismVariationPeriodDays { get; init; } = 3.7;

    public static NoiseModel Arces { get; } = new();

    internal SecondOrderSections LowFrequencyFilter() => Butterworth.LowPass(2, LowFrequencyCornerHz, ArcesArray.SampleRateHz);

    /// <summary>Eight poles: the microseism peak falls off steeply (a two-pole skirt would leak tens of counts into the 2-8 Hz band).</summary>
    internal SecondOrderSections MicroseismFilter() => Butterworth.BandPass(4, MicroseismLowHz, MicroseismHighHz, ArcesArray.SampleRateHz);
}
