namespace Seismic.Simulation.Synthesis;

/// <summary>
/// Time envelope of a phase and its coda: a quick rise (1 - exp(-t / rise)) times an exponential decay
/// exp(-t / decay), zero before the onset. The decay stands for the coda (Aki and Chouet 1975); the rise for
/// the source duration plus the scattering that broadens a pulse with distance.
/// </summary>
/// <param name="RiseS">Rise time constant, s.</param>
/// <param name="DecayS">Coda decay time constant, s.</param>
public sealed record Envelope(double RiseS, double DecayS)
{
    /// <summary>After this many decay constants the coda is 1/1000 of its peak (e^-7), below any noise.</summary>
    public const double DecayConstantsKept = 7.0;

    public double DurationS => (3.0 * RiseS) + (DecayConstantsKept * DecayS);

    public double At(double secondsAfterOnset) =>
        secondsAfterOnset < 0 ? 0.0 : (1.0 - Math.Exp(-secondsAfterOnset / RiseS)) * Math.Exp(-secondsAfterOnset / DecayS);
}
