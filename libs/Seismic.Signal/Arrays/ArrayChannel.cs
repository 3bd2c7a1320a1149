using Seismic.Signal.Hygiene;

namespace Seismic.Signal.Arrays;

/// <summary>One component's trace at one site of the array, e.g. ARA1's BHZ for a P beam.</summary>
public sealed record ArrayChannel(string Site, SignalTrace Trace);
