namespace Seismic.Metadata.Geometry;

/// <summary>A horizontal position relative to a reference point, in km east and north.</summary>
public readonly record struct LocalOffset(double EastKm, double NorthKm);
