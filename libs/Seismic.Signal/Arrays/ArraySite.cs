namespace Seismic.Signal.Arrays;

/// <summary>A site of an array as a horizontal offset from the array reference point (e.g. ARA0 for ARCES).</summary>
/// <param name="Name">Station code, e.g. "ARA1".</param>
/// <param name="EastKm">Offset east of the reference in km.</param>
/// <param name="NorthKm">Offset north of the reference in km.</param>
public sealed record ArraySite(string Name, double EastKm, double NorthKm);
