using Seismic.Datasets.SeisBench;

namespace Seismic.Datasets.Building;

/// <summary>The dataset label of a QuakeML event type; the original labelled by its catalog's event_type the same way.</summary>
public static class EventLabels
{
    private static readonly HashSet<string> Explosions = new(StringComparer.OrdinalIgnoreCase)
    {
        "explosion", "accidental explosion", "chemical explosion", "controlled explosion", "experimental explosion",
        "industrial explosion", "mining explosion", "quarry blast", "nuclear explosion", "road cut", "blasting levee",
    };

    /// <summary>Human-caused seismicity that is not a blast; labelled apart so the trainer decides (data.include_induced).</summary>
    private static readonly HashSet<string> Induced = new(StringComparer.OrdinalIgnoreCase)
    {
        "induced or triggered event", "rock burst", "reservoir loading", "fluid injection", "fluid extraction", "mine collapse",
    };

    /// <summary>earthquake, explosion or induced; null for a type the classifier has no class for (or no type at all).</summary>
    public static string? Of(string? quakeMlType)
    {
        var type = quakeMlType?.Trim();
        if (string.IsNullOrEmpty(type))
        {
            return null;
        }
        if (type.Equals("earthquake", StringComparison.OrdinalIgnoreCase))
        {
            return DatasetLabels.Earthquake;
        }
        if (Explosions.Contains(type))
        {
            return DatasetLabels.Explosion;
        }
        return Induced.Contains(type) ? DatasetLabels.Induced : null;
    }
}
