namespace Seismic.Simulation.Randomness;

/// <summary>The first key of every random stream, so that streams for different purposes never coincide.</summary>
internal enum StreamPurpose
{
    Events = 1,
    EventWaveforms = 2,
    SiteNoise = 3,
    CoherentNoise = 4,
    Defects = 5,
    NoiseLevel = 6,
}
