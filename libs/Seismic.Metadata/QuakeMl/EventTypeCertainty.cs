namespace Seismic.Metadata.QuakeMl;

/// <summary>QuakeML EventTypeCertainty: "known" or "suspected".</summary>
public enum EventTypeCertainty
{
    Known,
    Suspected,
}
