namespace Seismic.Metadata.QuakeMl;

/// <summary>QuakeML EvaluationMode: "manual" or "automatic".</summary>
public enum EvaluationMode
{
    Manual,
    Automatic,
}
