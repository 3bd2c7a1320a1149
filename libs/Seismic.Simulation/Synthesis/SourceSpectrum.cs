namespace Seismic.Simulation.Synthesis;

/// <summary>
/// Brune's (1970) omega-square source: a flat displacement spectrum below the corner frequency, falling as
/// f^-2 above it, the corner set by the moment and the stress drop.
/// </summary>
public static class SourceSpectrum
{
    /// <summary>Shear velocity at the source, for the corner frequency.</summary>
    public const double SourceShearVelocityKmPerS = 3.6;

    /// <summary>
    /// Seismic moment from ML through Hanks and Kanamori's (1979) Mw, taking Mw = ML: for the small Fennoscandian
    /// events here the two differ by a few tenths, less than the stress drop's scatter moves the corner.
    /// </summary>
    public static double SeismicMomentNm(double magnitude) => Math.Pow(10.0, (1.5 * magnitude) + 9.1);

    /// <summary>fc = 4.906e6 beta (stress drop / M0)^(1/3), beta in km/s, stress drop in bar, M0 in dyne-cm (Brune 1970; Boore 1983).</summary>
    public static double CornerFrequencyHz(double magnitude, double stressDropBar)
    {
        var momentDyneCm = SeismicMomentNm(magnitude) * 1e7;
        return 4.906e6 * SourceShearVelocityKmPerS * Math.Cbrt(stressDropBar / momentDyneCm);
    }

    /// <summary>Ground-velocity shape of the omega-square source: 2 pi f / (1 + (f / fc)^2), unnormalised.</summary>
    public static double VelocityShape(double frequencyHz, double cornerHz) =>
        2.0 * Math.PI * frequencyHz / (1.0 + ((frequencyHz / cornerHz) * (frequencyHz / cornerHz)));
}
